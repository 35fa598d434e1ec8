import Detection
import TriageModel

extension Update {
    /// The `:` commands: `q`, `hosts`, `exceptions`, `rule`, `host ADDRESS`, `history ADDRESS`,
    /// `alert ID`, `sort NAME`.
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
            state.message = .error("unknown command :\(line) (try :hosts, :exceptions, :rule, :host ADDRESS, :sort NAME, :q)")
            return []
        }
    }
}
