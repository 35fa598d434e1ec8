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
    /// The first line shown.
    var scroll = 0

    init(_ flow: StoredFlow, width: Int) {
        self.flow = flow
        self.width = width
        let original = flow.origin.original
        let shown = original.prefix(Self.limit)
        lines = Self.wrap(shown, to: width)
        cutNotice = shown.endIndex == original.endIndex ? nil
            : "… cut after \(NumberText.grouped(Self.limit)) of \(NumberText.grouped(original.count)) characters"
    }

    /// How many lines the overlay has (the cut notice included).
    var lineCount: Int { lines.count + (cutNotice == nil ? 0 : 1) }

    /// Wraps the record again when the overlay's width changed.
    mutating func fit(width newWidth: Int) {
        guard newWidth != width else { return }
        width = newWidth
        lines = Self.wrap(flow.origin.original.prefix(Self.limit), to: newWidth)
    }

    private static func wrap(_ text: Substring, to width: Int) -> [String] {
        DisplayText.wrapped(String(text), to: max(1, width))
    }
}
