/// How a cell is drawn: text attributes plus a colour hint.
public struct CellStyle: Hashable, Sendable {
    public var emphasis: Emphasis
    public var tone: Tone

    public init(emphasis: Emphasis = [], tone: Tone = .normal) {
        self.emphasis = emphasis
        self.tone = tone
    }

    /// No attributes, the terminal's default colours.
    public static let plain = CellStyle()
}
