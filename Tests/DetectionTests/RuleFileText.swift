import BundledRules
@testable import Detection
import Foundation

/// A bundled rule file's text, and where a piece of it stands, for tests of the rule-file checker.
enum RuleFileText {
    /// The text of the bundled rule file of `version` (Detection reads no files: `BundledRules` does).
    static func bundled(version: Int) -> String {
        guard let data = try? DetectionRule.bundledFile(version: version) else {
            preconditionFailure("the bundled rule file of version \(version) is not found")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The 1-based line and column of the first occurrence of `needle` in `text`.
    static func position(of needle: String, in text: String) -> (line: Int, column: Int) {
        guard let range = text.range(of: needle) else { preconditionFailure("\(needle) not in text") }
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return (line, before[lineStart...].unicodeScalars.count + 1)
    }
}
