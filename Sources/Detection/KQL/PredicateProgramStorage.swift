/// The immutable buffers of a `PredicateProgram` and the evaluator over them. The buffers hold
/// only trivial values and are never written after `init`, which makes sharing them across
/// threads safe (hence `@unchecked Sendable`).
final class PredicateProgramStorage: @unchecked Sendable {
    let root: Int
    private let nodes: UnsafeBufferPointer<PredicateNode>
    private let operands: UnsafeBufferPointer<Int32>
    private let rangeStarts: UnsafeBufferPointer<IPAddress>
    private let rangeEnds: UnsafeBufferPointer<IPAddress>
    private let numbers: UnsafeBufferPointer<Int64>
    private let spans: UnsafeBufferPointer<ByteSpan>
    private let bytes: UnsafeBufferPointer<UInt8>

    init(_ builder: PredicateProgramBuilder, root: Int32) {
        func copy<Element>(_ array: [Element]) -> UnsafeBufferPointer<Element> {
            let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(array.count, 1))
            _ = buffer.initialize(from: array)
            return UnsafeBufferPointer(rebasing: buffer[0..<array.count])
        }
        self.root = Int(root)
        nodes = copy(builder.nodes)
        operands = copy(builder.operands)
        rangeStarts = copy(builder.rangeStarts)
        rangeEnds = copy(builder.rangeEnds)
        numbers = copy(builder.numbers)
        spans = copy(builder.spans)
        bytes = copy(builder.bytes)
    }

    deinit {
        nodes.deallocate()
        operands.deallocate()
        rangeStarts.deallocate()
        rangeEnds.deallocate()
        numbers.deallocate()
        spans.deallocate()
        bytes.deallocate()
    }

    /// Evaluates node `index` on the event at `event` (read in place, never copied).
    func matches(node index: Int, _ event: UnsafePointer<NetworkEvent>) -> Bool {
        let node = nodes[index]
        switch node.operation {
        case .all:
            for operand in node.slice where !matches(node: Int(operands[operand]), event) { return false }
            return true
        case .any:
            for operand in node.slice where matches(node: Int(operands[operand]), event) { return true }
            return false
        case .not:
            return !matches(node: Int(operands[Int(node.start)]), event)
        case .address:
            return node.field.anyAddress(of: event) { contains($0, node.slice) }
        case .number:
            guard let number = node.field.number(of: event) else { return false }
            for candidate in node.slice where numbers[candidate] == number { return true }
            return false
        case .keyword:
            return node.field.anyKeyword(of: event) { keyword in
                withUTF8(keyword) { text in node.slice.contains { equals(text, spans[$0]) } }
            }
        case .pattern:
            return node.field.anyKeyword(of: event) { keyword in
                withUTF8(keyword) { matchesPattern($0, node.slice) }
            }
        case .exists:
            return node.field.isPresent(in: event)
        }
    }

    /// Binary search for `address` among the sorted disjoint ranges `slice`.
    @inline(__always)
    private func contains(_ address: IPAddress, _ slice: Range<Int>) -> Bool {
        var low = slice.lowerBound
        var high = slice.upperBound
        while low < high {
            let middle = (low + high) >> 1
            if address < rangeStarts[middle] { high = middle } else { low = middle + 1 }
        }
        return low > slice.lowerBound && address <= rangeEnds[low - 1]
    }

    @inline(__always)
    private func withUTF8(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    @inline(__always)
    private func equals(_ text: UnsafeBufferPointer<UInt8>, _ span: ByteSpan) -> Bool {
        text.count == Int(span.length) && occurs(span, in: text, at: 0)
    }

    /// True when the bytes of `span` appear in `text` at `position` (which must leave room).
    @inline(__always)
    private func occurs(_ span: ByteSpan, in text: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let offset = Int(span.offset)
        for index in 0..<Int(span.length) where text[position + index] != bytes[offset + index] { return false }
        return true
    }

    /// Wildcard match: the first piece is a prefix, the last a suffix, the middle ones occur in
    /// order in between (each `*` stands for any run of bytes, also none).
    private func matchesPattern(_ text: UnsafeBufferPointer<UInt8>, _ pieces: Range<Int>) -> Bool {
        let first = spans[pieces.lowerBound]
        let last = spans[pieces.upperBound - 1]
        let middleEnd = text.count - Int(last.length)
        guard middleEnd >= Int(first.length), occurs(first, in: text, at: 0), occurs(last, in: text, at: middleEnd)
        else { return false }
        var cursor = Int(first.length)
        for pieceIndex in (pieces.lowerBound + 1)..<(pieces.upperBound - 1) {
            let piece = spans[pieceIndex]
            var found = false
            while cursor + Int(piece.length) <= middleEnd {
                if occurs(piece, in: text, at: cursor) {
                    found = true
                    break
                }
                cursor += 1
            }
            guard found else { return false }
            cursor += Int(piece.length)
        }
        return true
    }
}
