extension EventPredicate {
    /// A rough evaluation cost, for ordering operands: integer compares before string compares
    /// before address searches before wildcard scans.
    var cost: Int {
        switch self {
        case .number, .exists: 1
        case .keyword: 2
        case .address: 3
        case .keywordPattern: 6
        case .not(let operand): operand.cost
        case .all(let operands), .any(let operands): operands.reduce(1) { $0 + $1.cost }
        }
    }
}
