/// The right-hand side of a clause: one value or a parenthesized `and` / `or` / `not` list of them.
public indirect enum KQLValueExpression: Hashable, Sendable {
    case value(KQLValue)
    case or([KQLValueExpression])
    case and([KQLValueExpression])
    case not(KQLValueExpression)
}
