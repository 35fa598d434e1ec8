import Foundation
import ScreenCore
import TriageModel

/// A flow's original record as the raw-record overlay shows it: sanitized and wrapped once, when
/// the overlay opens or its width changes, so a key press only draws the visible lines (laid out
/// per key, a 0.9 MB Sysmon record took a second or more per key).
struct RawRecord: Hashable, Sendable {
    /// Characters of a record the overlay shows; a longer (hostile or broken) record is cut.
    static let limit = 65_536

    let flow: StoredFlow
    /// The width `lines` are wrapped to.
    private(set) var width: Int
    /// The record (at most `limit` characters of it), sanitized and wrapped to `width`.
    private(set) var lines: [String]
    /// What the overlay says after the lines when the record was cut.
    let cutNotice: String?
    /// The record pretty-printed (keys sorted, two-space indents) when it is one JSON object.
    private let prettyText: String?
    /// Whether `lines` show `prettyText` (the default for JSON) or the original line.
    private(set) var isPretty: Bool
    /// The first line shown.
    var scroll = 0

    init(_ flow: StoredFlow, width: Int) {
        self.flow = flow
        self.width = width
        let original = flow.origin.original
        let shown = original.prefix(Self.limit)
        prettyText = shown.endIndex == original.endIndex ? Self.prettyJSON(original) : nil
        isPretty = prettyText != nil
        lines = prettyText.map { Self.wrapPretty($0, to: width) } ?? Self.wrap(shown, to: width)
        cutNotice = shown.endIndex == original.endIndex ? nil
            : "… cut after \(NumberText.grouped(Self.limit)) of \(NumberText.grouped(original.count)) characters"
    }

    /// How many lines the overlay has (the cut notice included).
    var lineCount: Int { lines.count + (cutNotice == nil ? 0 : 1) }

    /// Wraps the record again when the overlay's width changed.
    mutating func fit(width newWidth: Int) {
        guard newWidth != width else { return }
        width = newWidth
        rewrap()
    }

    /// Pretty-printed JSON ⇄ the original line (from the top); nothing for a record that is not JSON.
    mutating func togglePretty() {
        guard prettyText != nil else { return }
        isPretty.toggle()
        scroll = 0
        rewrap()
    }

    private mutating func rewrap() {
        if isPretty, let prettyText {
            lines = Self.wrapPretty(prettyText, to: width)
        } else {
            lines = Self.wrap(flow.origin.original.prefix(Self.limit), to: width)
        }
    }

    /// The original line wrapped to `width` (a newline in it shows as `\n`).
    private static func wrap(_ text: Substring, to width: Int) -> [String] {
        DisplayText.wrapped(String(text), to: max(1, width))
    }

    /// Pretty-printed JSON (whose strings hold no raw newline) line by line, each wrapped under its
    /// own indentation.
    private static func wrapPretty(_ text: String, to width: Int) -> [String] {
        text.split(separator: "\n").flatMap { line in
            let indent = String(line.prefix { $0 == " " })
            return DisplayText.wrapped(String(line.dropFirst(indent.count)), to: max(1, width - indent.count)).map { indent + $0 }
        }
    }

    /// `text` as indented JSON when it is one JSON object, else nil.
    private static func prettyJSON(_ text: String) -> String? {
        guard text.first == "{",
              let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)), object is [String: Any],
              let data = try? JSONSerialization.data(withJSONObject: object,
                                                     options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
