/// Where a key binding applies. Dispatch tries the contexts of what is in front, most specific
/// first (e.g. guide pane, alert screen, lists, everywhere).
enum KeyContext: String, Hashable, Sendable, CaseIterable {
    case global = "Everywhere"
    case list = "Lists"
    case hosts = "Hosts"
    case host = "Host"
    case alert = "Alert"
    case guide = "Alert › investigation guide"
    case history = "History"
    case text = "Scrolling text (alert panes, rule)"
    case exceptions = "Exceptions"
    case form = "Forms"
    case prompt = "Command line, filter and search"
    case search = "While a search is shown"
    case confirm = "Confirmation"
    case caseNotes = "Case notes (N on a host)"
    case overlay = "Help and raw record"
}
