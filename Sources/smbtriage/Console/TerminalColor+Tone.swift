import Console
import Terminal

extension TerminalColor {
    /// The colour a tone is drawn in; `nil` (the terminal's foreground) for `normal`. Severities
    /// run red, orange, yellow, blue as in Elastic Security.
    init?(_ tone: Tone) {
        switch tone {
        case .normal: return nil
        case .critical: self = .red
        case .high: self = .orange
        case .medium: self = .yellow
        case .low: self = .blue
        case .ok: self = .green
        case .accent: self = .cyan
        case .muted: self = .gray
        }
    }
}
