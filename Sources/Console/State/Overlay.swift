/// What sits over the current screen and takes the keys first.
enum Overlay: Hashable, Sendable {
    /// The keymap, scrolled by `scroll` lines.
    case help(scroll: Int)
    /// The `:` command line.
    case command(TextField)
    /// The hosts filter being typed (applied live).
    case filter(TextField)
    case form(Form)
    case confirm(Confirmation)
    /// The alert's original log record, scrolled by `scroll` lines.
    case raw(scroll: Int)
}

/// A yes/no question before an effect runs.
struct Confirmation: Hashable, Sendable {
    var title: String
    var lines: [String]
    /// What runs on yes.
    var effects: [Effect]
}
