/// A compiled rule is a function of its rule: two are equal when their rules are.
extension CompiledRule: Hashable {
    public static func == (lhs: CompiledRule, rhs: CompiledRule) -> Bool {
        lhs.rule == rhs.rule
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
    }
}
