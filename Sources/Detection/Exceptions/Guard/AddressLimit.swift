/// How many addresses of one axis (sources or destinations) of one family the guard lets
/// exceptions silence: one item alone, and all active items together, each as a prefix length.
struct AddressLimit: Hashable, Sendable {
    /// Whether a measure is of one item alone or of the items together.
    enum Scope: Sendable {
        case item, total
    }

    /// 32 for IPv4, 128 for IPv6.
    let familyBits: Int
    let itemPrefix: Int
    let totalPrefix: Int

    /// The most addresses `scope` may silence: as many as its prefix holds.
    func addresses(_ scope: Scope) -> Double {
        Double(sign: .plus, exponent: familyBits - prefix(scope), significand: 1)
    }

    /// `/16`: the limit for `scope` as a prefix, for messages.
    func text(_ scope: Scope) -> String { "/\(prefix(scope))" }

    private func prefix(_ scope: Scope) -> Int {
        scope == .item ? itemPrefix : totalPrefix
    }
}
