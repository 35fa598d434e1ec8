/// The immutable buffers of a `PredicateProgram` and the evaluator over them. The buffers hold
/// only trivial values and are never written after `init`, which makes sharing them across
/// threads safe (hence `@unchecked Sendable`).
final class PredicateProgramStorage: @unchecked Sendable {
    let root: Int
    let nodes: UnsafeBufferPointer<PredicateNode>
    let operands: UnsafeBufferPointer<Int32>
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
        case .all, .any: preconditionFailure("and / or nodes are not leaves")
        case .addresses: addressesMatch(node, event)
        case .keyword: keywordMatches(node, event)
        case .keywords: keywordsMatch(node, event)
        case .integer: integerMatches(node, event)
        case .integer64: integer64Matches(node, event)
        case .pattern: patternMatches(node, event)
        case .exists: node.location.isPresent(in: event)
        }
    }

    // MARK: Leaves, one per operation (before negation)

    @inline(__always)
    func addressesMatch(_ node: PredicateNode, _ event: UnsafePointer<NetworkEvent>) -> Bool {
        let addresses = node.location.pointer(in: event, to: [IPAddress].self)
        for index in addresses.pointee.indices
        where addressTable.value(at: addresses.pointee[index], slice: Int(node.start)) != nil {
            return true
        }
        return false
    }

    @inline(__always)
    func keywordMatches(_ node: PredicateNode, _ event: UnsafePointer<NetworkEvent>) -> Bool {
        let keyword = node.location.pointer(in: event, to: String?.self)
        guard keyword.pointee != nil else { return false }
        return equalsAny(keyword.pointee.unsafelyUnwrapped, node.slice)
    }

    @inline(__always)
    func keywordsMatch(_ node: PredicateNode, _ event: UnsafePointer<NetworkEvent>) -> Bool {
        let keywords = node.location.pointer(in: event, to: [String].self)
        for index in keywords.pointee.indices where equalsAny(keywords.pointee[index], node.slice) { return true }
        return false
    }

    @inline(__always)
    func integerMatches(_ node: PredicateNode, _ event: UnsafePointer<NetworkEvent>) -> Bool {
        guard let number = node.location.pointer(in: event, to: Int?.self).pointee else { return false }
        return containsNumber(Int64(number), node.slice)
    }

    @inline(__always)
    func integer64Matches(_ node: PredicateNode, _ event: UnsafePointer<NetworkEvent>) -> Bool {
        guard let number = node.location.pointer(in: event, to: Int64?.self).pointee else { return false }
        return containsNumber(number, node.slice)
    }

    @inline(__always)
    func patternMatches(_ node: PredicateNode, _ event: UnsafePointer<NetworkEvent>) -> Bool {
        node.location.anyKeyword(in: event) { keyword in
            withUTF8(keyword) { matchesPattern($0, node.slice) }
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
