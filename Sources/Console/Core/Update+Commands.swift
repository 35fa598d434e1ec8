import Detection
import TriageModel

extension Update {
    /// The `:` commands: `q`, `hosts`, `exceptions`, `rule`, `host HOST`, `history HOST` (an address or a hostname),
    /// `alert ID`, `sort NAME`, `audit`, `notes`.
    static func runCommand(_ state: inout ConsoleState, _ line: String) -> [Effect] {
        let words = line.split(separator: " ").map(String.init)
        guard let name = words.first?.lowercased() else { return [] }
        let argument = words.dropFirst().first
        switch (name, argument) {
        case ("q", nil), ("quit", nil):
            state.quitting = true
            return []
        case ("hosts", nil):
            state.setRoutes([.hosts])
            return reload(state)
        case ("exceptions", nil): return push(&state, .exceptions)
        case ("rule", nil): return push(&state, .rule)
        case ("audit", nil): return openAudit(&state)
        case ("notes", nil): return openCaseNotes(&state)
        case ("host", let text?): return [.findHost(text, opening: .host)]
        case ("history", let text?): return [.findHost(text, opening: .history)]
        case ("alert", let text?):
            guard let id = Int64(text) else {
                state.message = .error("not an alert id: \(text)")
                return []
            }
            return push(&state, .alert(id))
        case ("sort", let text?):
            guard let sort = HostSort(name: text) else {
                state.message = .error("sort by one of: attention, bytes, seen, address, destinations")
                return []
            }
            state.hosts.sort = sort
            state.setRoutes([.hosts])
            return restartHosts(&state)
        default:
            state.message = .error("unknown command :\(line) (try :hosts, :exceptions, :rule, :host HOST, :history HOST, :alert ID, :sort NAME, :audit, :notes, :q)")
            return []
        }
    }

    /// `:host` or `:history` once the store named the hosts `text` stands for: opens the one
    /// host's screen, or stays put and says that the store holds none or which several it holds.
    static func openFoundHost(_ state: inout ConsoleState, _ text: String, _ screen: Route.HostScreen,
                              _ hosts: [HostSummary]) -> [Effect] {
        guard hosts.count == 1, let host = hosts.first else {
            let named = IPAddress(text) == nil ? "named \(text) " : "\(text) "
            state.message = .error(hosts.isEmpty ? "no host \(named)in the store"
                : "the hostname \(text) names \(hosts.count) hosts (\(hosts.map { "\($0.address)" }.joined(separator: ", "))): give the address of one")
            return []
        }
        enter(&state, screen.route(host.address))
        if screen == .host { state.host?.summary = host }
        return reload(state)
    }

    /// The `:` commands and whether each takes an argument, in the order completion offers them.
    static let commands: [(name: String, takesArgument: Bool)] = [
        ("q", false), ("hosts", false), ("exceptions", false), ("rule", false), ("host", true), ("history", true),
        ("alert", true), ("sort", true), ("audit", false), ("notes", false),
    ]

    /// Tab on the `:` line: completes the command name typed so far when one command fits (with a
    /// space when it takes an argument), else extends it to what the fitting ones share (the prompt
    /// lists every command beside it).
    static func completeCommand(_ field: TextField) -> TextField {
        guard !field.text.contains(" ") else { return field }
        let fitting = commands.filter { $0.name.hasPrefix(field.text.lowercased()) }
        guard let first = fitting.first else { return field }
        if fitting.count == 1 { return TextField(first.name + (first.takesArgument ? " " : "")) }
        return TextField(fitting.map(\.name).reduce(first.name) { String(zip($0, $1).prefix { $0 == $1 }.map(\.0)) })
    }
}
