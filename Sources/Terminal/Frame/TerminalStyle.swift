/// How one cell is drawn: attributes and an optional colour (`nil` = the terminal's foreground).
public struct TerminalStyle: Hashable, Sendable {
    /// Heavier (often brighter) text.
    public var bold: Bool
    /// Foreground and background swapped, as for a selected row.
    public var reverse: Bool
    public var underline: Bool
    /// Fainter text.
    public var dim: Bool
    /// The foreground colour; `nil` is the terminal's own.
    public var color: TerminalColor?

    /// The terminal's default look.
    public static let plain = TerminalStyle()

    /// A style with the given attributes; every one is off unless named.
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
