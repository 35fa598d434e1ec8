import Foundation

extension DetectionRule {
    /// The versions of the prebuilt rule this build ships, oldest first: 103 (query) and 108
    /// (new terms on `source.ip`).
    public static let bundledVersions = [103, 108]

    /// The version a store runs until the analyst picks another (`smbtriage rule use`).
    public static let defaultBundledVersion = 103

    /// The bundled prebuilt rule, version 103 (Resources/rule.json via Bundle.module).
    public static func bundled() throws -> DetectionRule {
        try bundled(version: defaultBundledVersion)
    }

    /// The bundled rule of `version` (one of `bundledVersions`).
    public static func bundled(version: Int) throws -> DetectionRule {
        let name = version == defaultBundledVersion ? "rule" : "rule-\(version)"
        guard bundledVersions.contains(version),
              let url = Bundle.module.url(forResource: name, withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(name).json"])
        }
        return try DetectionRule(jsonFile: try Data(contentsOf: url))
    }
}
