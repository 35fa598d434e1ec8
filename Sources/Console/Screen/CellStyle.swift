/// How a cell is drawn: text attributes plus a colour hint.
public struct CellStyle: Equatable, Sendable {
    public var emphasis: Emphasis
    public var tone: Tone

    public init(emphasis: Emphasis = [], tone: Tone = .normal) {
        self.emphasis = emphasis
        self.tone = tone
    }

    /// No attributes, the terminal's default colours.
    public static let plain = CellStyle()
}

/// Text attributes of a cell.
public struct Emphasis: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let bold = Emphasis(rawValue: 1 << 0)
    public static let reverse = Emphasis(rawValue: 1 << 1)
    public static let underline = Emphasis(rawValue: 1 << 2)
    public static let dim = Emphasis(rawValue: 1 << 3)
}

/// A colour hint. Never the only carrier of meaning: severity and state are always also words or
/// symbols, and with colour off every tone is drawn as `normal`.
public enum Tone: Hashable, Sendable, CaseIterable {
    case normal, critical, high, medium, low, ok, accent, muted
}
