/// One node of a flattened predicate. `start` and `count` select its slice of the storage
/// buffer its operation reads: operand indices, numbers or byte spans; an address node's
/// `start` is its slice of the address table.
struct PredicateNode: Sendable {
    enum Operation: UInt8, Sendable {
        /// `and` / `or` over operand nodes.
        case all, any
        /// Leaves, one per kind of stored property they read: address arrays, a keyword, keyword
        /// arrays, `Int?` and `Int64?` numbers; wildcard patterns and existence checks on any field.
        case addresses, keyword, keywords, integer, integer64, pattern, exists
    }

    var operation: Operation
    /// The field a leaf reads (operators read none and hold `PredicateNode.noField`).
    var location: EventFieldLocation
    /// `not` folded into the node: the result is inverted.
    var isNegated = false
    var start: Int32
    var count: Int32

    var slice: Range<Int> { Int(start)..<Int(start + count) }

    /// The placeholder location of `and` / `or` nodes.
    static let noField = ECSField.eventDataset.location
}
