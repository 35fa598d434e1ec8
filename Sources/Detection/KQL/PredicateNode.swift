/// One node of a flattened predicate. `start` and `count` select its slice of the storage
/// buffer its operation reads: operand indices, numbers or byte spans; an address node's
/// `start` is its slice of the address table.
struct PredicateNode: Sendable {
    enum Operation: UInt8, Sendable {
        case all, any, address, number, keyword, pattern, exists
    }

    var operation: Operation
    var field: ECSField
    /// `not` folded into the node: the result is inverted.
    var isNegated = false
    var start: Int32
    var count: Int32

    var slice: Range<Int> { Int(start)..<Int(start + count) }
}
