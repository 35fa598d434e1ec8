import Detection
import TriageModel

extension Update {
    /// The `:` commands: `q`, `hosts`, `exceptions`, `rule`, `host ADDRESS`, `history ADDRESS`,
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
            state.routes = [.hosts]
            return reload(state)
        case ("exceptions", nil): return push(&state, .exceptions)
        case ("rule", nil): return push(&state, .rule)
        case ("audit", nil): return openAudit(&state)
        case ("notes", nil): return openCaseNotes(&state)
        case ("host", let text?), ("history", let text?):
            guard let address = IPAddress(text) else {
                state.message = .error("not an IP address: \(text)")
                return []
            }
            return push(&state, name == "host" ? .host(address) : .history(address))
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
            state.routes = [.hosts]
            return restartHosts(&state)
        default:
            state.message = .error("unknown command :\(line) (try :hosts, :exceptions, :rule, :host IP, :history IP, :alert ID, :sort NAME, :audit, :notes, :q)")
            return []
        }
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
