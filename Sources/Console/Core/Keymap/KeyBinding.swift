import ScreenCore

/// One row of the keymap: the keys, where they apply, what they do, the status-bar hint (nil:
/// help overlay only) and the help text.
struct KeyBinding: Hashable, Sendable {
    var keys: [Key]
    var context: KeyContext
    var action: Action
    var hint: String?
    var help: String

    /// The keys as the hints and the help show them, e.g. `j/↓`.
    var keyLabel: String { keys.map(Self.label).joined(separator: "/") }

    static func label(_ key: Key) -> String {
        switch key {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .ctrl(let character): "^" + String(character).uppercased()
        }
    }
}
