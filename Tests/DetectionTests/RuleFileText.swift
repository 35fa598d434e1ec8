import Foundation
@testable import Detection

/// A bundled rule file's text, and where a piece of it stands, for tests of the rule-file checker.
enum RuleFileText {
    /// The text of bundled `name`.json (`Bundle.module` is Detection's resource bundle).
    static func bundled(_ name: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("bundled \(name).json not found") }
        return text
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
