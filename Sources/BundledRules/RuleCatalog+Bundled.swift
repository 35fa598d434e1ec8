import Detection

extension RuleCatalog {
    /// Every bundled rule version, read and compiled: what a command loads once and hands to the
    /// store (`SMBStore(path:rules:)`) and to whatever else needs the rule.
    public static func bundled() throws -> RuleCatalog {
        let rules = try DetectionRule.bundledVersions.map { try CompiledRule(DetectionRule.bundled(version: $0)) }
        return RuleCatalog(rules, defaultVersion: DetectionRule.defaultBundledVersion)
    }
}
