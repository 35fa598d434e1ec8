/// A compiled query or exception: a small tree over pre-resolved fields with pre-parsed values
/// (IP clauses hold an `IPPrefixSet`, number clauses integers), evaluated without allocating.
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

    func matches(_ event: NetworkEvent) -> Bool {
        switch self {
        case .all(let operands):
            for operand in operands where !operand.matches(event) { return false }
            return true
        case .any(let operands):
            for operand in operands where operand.matches(event) { return true }
            return false
        case .not(let operand):
            return !operand.matches(event)
        case .address(let field, let prefixes):
            return field.anyAddress(of: event) { prefixes.contains($0) }
        case .number(let field, let numbers):
            guard let number = field.number(of: event) else { return false }
            return numbers.contains(number)
        case .keyword(let field, let keywords):
            return field.anyKeyword(of: event) { keywords.contains($0) }
        case .keywordPattern(let field, let pattern):
            return field.anyKeyword(of: event) { pattern.matches($0) }
        case .exists(let field):
            return field.isPresent(in: event)
        }
    }
}
