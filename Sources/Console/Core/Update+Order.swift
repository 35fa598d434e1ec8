/// `I` (and `S` on the hosts screen): the list in front the other way round, its header's ▼/▲ turned.
extension Update {
    static func reverseOrder(_ state: inout ConsoleState) -> [Effect] {
        if case .audit(var log) = state.overlay {
            log.reverse()
            state.overlay = .audit(log)
            return []
        }
        switch state.route {
        case .hosts: return reverseHostSort(&state)
        case .history: return reverseHistory(&state)
        case .exceptions:
            state.exceptions.reverse(visible: state.layout.exceptionRows)
            return []
        case .rule:
            state.ruleScreen.order.reversed.toggle()
            return []
        case .host: return reverseHost(&state)
        case .alert: return []
        }
    }
}
