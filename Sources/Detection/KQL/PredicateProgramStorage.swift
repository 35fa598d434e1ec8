/// The immutable buffers of a `PredicateProgram` and the evaluator over them. The buffers hold
/// only trivial values and are never written after `init`, which makes sharing them across
/// threads safe (hence `@unchecked Sendable`).
final class PredicateProgramStorage: @unchecked Sendable {
    let root: Int
    private let nodes: UnsafeBufferPointer<PredicateNode>
    private let operands: UnsafeBufferPointer<Int32>
    /// One slice per address node.
    private let addressTable: AddressRangeMap
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
        addressTable = AddressRangeMap(slices: builder.addressSlices)
        numbers = copy(builder.numbers)
        spans = copy(builder.spans)
        bytes = copy(builder.bytes)
    }

    deinit {
        nodes.deallocate()
        operands.deallocate()
        numbers.deallocate()
        spans.deallocate()
        bytes.deallocate()
    }

    /// Evaluates node `index` on the event at `event` (read in place, never copied).
    func matches(node index: Int, _ event: UnsafePointer<NetworkEvent>) -> Bool {
        let node = nodes[index]
        switch node.operation {
        case .all:
            for operand in node.slice where !operandMatches(operands[operand], event) { return node.isNegated }
            return !node.isNegated
        case .any:
            for operand in node.slice where operandMatches(operands[operand], event) { return !node.isNegated }
            return node.isNegated
        default:
            return leafMatches(node, event) != node.isNegated
        }
    }

    /// An operand of `and` / `or`: leaves are evaluated inline, nested operators recursively.
    @inline(__always)
    private func operandMatches(_ index: Int32, _ event: UnsafePointer<NetworkEvent>) -> Bool {
        let node = nodes[Int(index)]
        if node.operation == .all || node.operation == .any { return matches(node: Int(index), event) }
        return leafMatches(node, event) != node.isNegated
    }

    /// Evaluates a leaf (a clause on one field), before negation.
    @inline(__always)
    private func leafMatches(_ node: PredicateNode, _ event: UnsafePointer<NetworkEvent>) -> Bool {
        switch node.operation {
        case .all, .any:
            preconditionFailure("and / or nodes are not leaves")
        case .addresses:
            let addresses = node.location.value(in: event, as: [IPAddress].self)
            for index in addresses.indices where addressTable.value(at: addresses[index], slice: Int(node.start)) != nil {
                return true
            }
            return false
        case .keyword:
            guard let keyword = node.location.value(in: event, as: String?.self) else { return false }
            return equalsAny(keyword, node.slice)
        case .keywords:
            let keywords = node.location.value(in: event, as: [String].self)
            for index in keywords.indices where equalsAny(keywords[index], node.slice) { return true }
            return false
        case .integer:
            guard let number = node.location.value(in: event, as: Int?.self) else { return false }
            return containsNumber(Int64(number), node.slice)
        case .integer64:
            guard let number = node.location.value(in: event, as: Int64?.self) else { return false }
            return containsNumber(number, node.slice)
        case .pattern:
            return node.location.anyKeyword(in: event) { keyword in
                withUTF8(keyword) { matchesPattern($0, node.slice) }
            }
        case .exists:
            return node.location.isPresent(in: event)
        }
    }

    @inline(__always)
    private func containsNumber(_ number: Int64, _ slice: Range<Int>) -> Bool {
        for candidate in slice where numbers[candidate] == number { return true }
        return false
    }

    @inline(__always)
    private func withUTF8(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// True when `keyword` equals one of the byte spans `slice` (lengths are compared first).
    @inline(__always)
    private func equalsAny(_ keyword: String, _ slice: Range<Int>) -> Bool {
        let length = keyword.utf8.count
        for index in slice where Int(spans[index].length) == length {
            if withUTF8(keyword, { occurs(spans[index], in: $0, at: 0) }) { return true }
        }
        return false
    }

    /// True when the bytes of `span` appear in `text` at `position` (which must leave room).
    /// Compares eight bytes at a time: keywords are short, so this beats a call to `memcmp`.
    @inline(__always)
    private func occurs(_ span: ByteSpan, in text: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        guard let textBase = text.baseAddress, let poolBase = bytes.baseAddress else { return span.length == 0 }
        let lhs = UnsafeRawPointer(textBase + position)
        let rhs = UnsafeRawPointer(poolBase + Int(span.offset))
        let length = Int(span.length)
        var offset = 0
        while offset + 8 <= length {
            guard lhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                == rhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
            offset += 8
        }
        while offset < length {
            guard lhs.load(fromByteOffset: offset, as: UInt8.self) == rhs.load(fromByteOffset: offset, as: UInt8.self) else {
                return false
            }
            offset += 1
        }
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
