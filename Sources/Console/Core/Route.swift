import Detection

/// One screen of the console; the state keeps a stack of them (breadcrumbs, Esc goes back).
enum Route: Hashable, Sendable {
    case hosts
    case host(IPAddress)
    case alert(Int64)
    case history(IPAddress)
    case exceptions
    case rule

    /// The screens of one host that `:host` and `:history` open, by address or hostname.
    enum HostScreen: String, Hashable, Sendable {
        case host, history

        func route(_ address: IPAddress) -> Route {
            switch self {
            case .host: .host(address)
            case .history: .history(address)
            }
        }
    }
}
