import Detection

/// One screen of the console; the state keeps a stack of them (breadcrumbs, Esc goes back).
enum Route: Hashable, Sendable {
    case hosts
    case host(IPAddress)
    case alert(Int64)
    case history(IPAddress)
    case exceptions
    case rule
}
