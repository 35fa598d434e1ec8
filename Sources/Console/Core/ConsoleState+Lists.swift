extension ConsoleState {
    /// The lists the screen in front shows, where its view draws them.
    var listAreas: [ListArea] {
        let layout = layout
        switch route {
        case .hosts: return [layout.hostsList]
        case .host:
            let count = host?.destinations.count ?? 0
            return [layout.destinationsList(count: count), layout.hostAlertsList(destinationCount: count)]
        case .history: return [layout.historyFlowsList]
        case .exceptions: return [layout.exceptionsList]
        case .alert, .rule: return []
        }
    }

    /// The list the movement keys move: the screen's list, on the host screen the focused pane's;
    /// nil on the screens of text.
    var focusedListArea: ListArea? {
        let focused: ListArea.List? = switch route {
        case .hosts: .hosts
        case .host: host?.pane == .alerts ? .hostAlerts : .destinations
        case .history: .flows
        case .exceptions: .exceptions
        case .alert, .rule: nil
        }
        return listAreas.first { $0.list == focused }
    }
}
