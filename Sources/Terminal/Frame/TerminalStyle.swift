/// How one cell is drawn: attributes and an optional colour (`nil` = the terminal's foreground).
public struct TerminalStyle: Hashable, Sendable {
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool
    public var color: TerminalColor?

    /// The terminal's default look.
    public static let plain = TerminalStyle()

    public init(
        bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false,
        color: TerminalColor? = nil
    ) {
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
        self.color = color
    }
}
