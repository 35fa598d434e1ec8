/// Flattens an `EventPredicate` tree into the pools a `PredicateProgram` evaluates. `not` is
/// folded into the negated node, and the operands of `and` / `or` are ordered cheapest first
/// (the predicates are pure, so order changes only how soon evaluation stops).
struct PredicateProgramBuilder {
    private(set) var nodes: [PredicateNode] = []
    private(set) var operands: [Int32] = []
    /// One slice per address node: its merged ranges.
    private(set) var addressSlices: [[AddressRangeMap.Entry]] = []
    private(set) var numbers: [Int64] = []
    private(set) var spans: [ByteSpan] = []
    private(set) var bytes: [UInt8] = []

    /// Appends `predicate` (operands first) and returns its node index.
    mutating func append(_ predicate: EventPredicate) -> Int32 {
        switch predicate {
        case .all(let children): return appendOperator(.all, children)
        case .any(let children): return appendOperator(.any, children)
        case .not(let child):
            let index = append(child)
            nodes[Int(index)].isNegated.toggle()
            return index
        case .address(let field, let prefixes):
            addressSlices.append(prefixes.ranges.map { ($0, 0) })
            return appendNode(.addresses, field.location, start: addressSlices.count - 1, count: 1)
        case .number(let field, let values):
            let start = numbers.count
            numbers += values
            let operation: PredicateNode.Operation = field.location.storage == .integer64 ? .integer64 : .integer
            return appendNode(operation, field.location, start: start, count: values.count)
        case .keyword(let field, let keywords):
            let start = spans.count
            keywords.forEach { appendSpan(Array($0.utf8)) }
            return appendNode(field.location.storage == .keywords ? .keywords : .keyword, field.location, start: start, count: keywords.count)
        case .keywordPattern(let field, let pattern):
            let start = spans.count
            pattern.pieces.forEach { appendSpan($0) }
            return appendNode(.pattern, field.location, start: start, count: pattern.pieces.count)
        case .exists(let field):
            return appendNode(.exists, field.location, start: 0, count: 0)
        }
    }

    private mutating func appendOperator(_ operation: PredicateNode.Operation, _ children: [EventPredicate]) -> Int32 {
        let cheapestFirst = children.enumerated().sorted { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }
        let indices = cheapestFirst.map { append($0.element) }
        let start = operands.count
        operands += indices
        return appendNode(operation, PredicateNode.noField, start: start, count: indices.count)
    }

    private mutating func appendSpan(_ piece: [UInt8]) {
        spans.append(ByteSpan(offset: Int32(bytes.count), length: Int32(piece.count)))
        bytes += piece
    }

    private mutating func appendNode(_ operation: PredicateNode.Operation, _ location: EventFieldLocation,
                                     start: Int, count: Int) -> Int32 {
        nodes.append(PredicateNode(operation: operation, location: location, start: Int32(start), count: Int32(count)))
        return Int32(nodes.count - 1)
    }
}
