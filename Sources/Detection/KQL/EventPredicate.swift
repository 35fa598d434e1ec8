/// A compiled query or exception: a small tree over pre-resolved fields with pre-parsed values
/// (IP clauses hold an `IPPrefixSet`, number clauses integers). `PredicateProgram` flattens it
/// for evaluation; the tree is what analyses such as coverage notes read.
indirect enum EventPredicate: Hashable, Sendable {
    /// Every operand matches.
    case all([EventPredicate])
    /// At least one operand matches.
    case any([EventPredicate])
    /// The operand does not match (also true when its field is missing).
    case not(EventPredicate)
    /// An address of the `ip` field lies in the set.
    case address(ECSField, in: IPPrefixSet)
    /// The `long` field equals one of the numbers.
    case number(ECSField, in: [Int64])
    /// A value of the `keyword` field equals one of the strings exactly.
    case keyword(ECSField, in: [String])
    /// A value of the `keyword` field matches the pattern.
    case keywordPattern(ECSField, WildcardPattern)
    /// The field has a value (`field: *`).
    case exists(ECSField)
}
