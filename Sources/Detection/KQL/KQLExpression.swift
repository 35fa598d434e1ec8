/// A parsed KQL query: `and` / `or` / `not` over `field: values` clauses, with the positions of
/// field names and values kept for error messages.
public indirect enum KQLExpression: Hashable, Sendable {
    /// True when any operand is.
    case or([KQLExpression])
    /// True when every operand is.
    case and([KQLExpression])
    /// True when the operand is false (also when its field is missing).
    case not(KQLExpression)
    /// `field: value` or `field: (a or b …)`.
    case match(field: KQLField, values: KQLValueExpression)
}
