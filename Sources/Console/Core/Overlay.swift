import TriageModel

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
    /// A flow's original log record, laid out for the overlay's width.
    case raw(RawRecord)
    /// The `:audit` log of the store, a host or an alert.
    case audit(AuditLog)
    /// Every note on the case of the host in front, newest first, scrolled by `scroll` lines.
    case caseNotes(scroll: Int)
}
