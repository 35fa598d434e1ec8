/// The rule versions a command works with, compiled once by whoever read them (`BundledRules`
/// reads the ones this build ships), and the version a store runs until the analyst picks another.
public struct RuleCatalog: Sendable {
    /// Every version, oldest first.
    public let all: [CompiledRule]
    /// The version a store runs until told otherwise.
    public let defaultVersion: Int

    /// `rules` by their `version` (the first of a repeated version counts); `defaultVersion` must be one of them.
    public init(_ rules: [CompiledRule], defaultVersion: Int) {
        precondition(rules.contains { $0.rule.version == defaultVersion }, "the default rule version is not in the catalog")
        var seen = Set<Int>()
        all = rules.filter { seen.insert($0.rule.version).inserted }.sorted { $0.rule.version < $1.rule.version }
        self.defaultVersion = defaultVersion
    }

    /// A catalog of one rule, which is its default.
    public init(_ rule: CompiledRule) {
        self.init([rule], defaultVersion: rule.rule.version)
    }

    /// The version numbers, oldest first.
    public var versions: [Int] {
        all.map(\.rule.version)
    }

    /// The rule of `version`; nil when the catalog has no such version.
    public func rule(version: Int) -> CompiledRule? {
        all.first { $0.rule.version == version }
    }

    /// The rule of `defaultVersion`.
    public var defaultRule: CompiledRule {
        rule(version: defaultVersion)!
    }
}
