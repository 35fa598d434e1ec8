import Detection
import Foundation

extension DetectionRule {
    /// The versions of the prebuilt rule this build ships, oldest first: 103 (query) and 108
    /// (new terms on `source.ip`).
    public static let bundledVersions = [103, 108]

    /// The version a store runs until the analyst picks another (`smbtriage rule use`).
    public static let defaultBundledVersion = 103

    /// The bundled prebuilt rule, version 103.
    public static func bundled() throws -> DetectionRule {
        try bundled(version: defaultBundledVersion)
    }

    /// The bundled rule of `version` (one of `bundledVersions`), decoded.
    public static func bundled(version: Int) throws -> DetectionRule {
        try DetectionRule(jsonFile: bundledFile(version: version))
    }

    /// The bytes of the bundled rule file of `version` (Resources/rule.json for 103,
    /// rule-VERSION.json for the others, via `Bundle.module`).
    public static func bundledFile(version: Int) throws -> Data {
        let name = version == defaultBundledVersion ? "rule" : "rule-\(version)"
        guard bundledVersions.contains(version),
              let url = Bundle.module.url(forResource: name, withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(name).json"])
        }
        return try Data(contentsOf: url)
    }
}
