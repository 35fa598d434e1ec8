/// The console's logic: applies `msg` to `state` and returns the effects to run. Pure.
func update(_ state: inout ConsoleState, _ msg: Msg) -> [Effect] {
    switch msg {
    case .input(.resize(let width, let height)):
        state.width = width
        state.height = height
        return [.loadHosts(state.hosts.filter, state.hosts.sort, offset: 0, limit: state.layout.hostRows)]
    case .input(.key(.character("q"))):
        state.quitting = true
        return []
    case .hostsLoaded(let offset, let page):
        state.hosts.list.apply(rows: page.rows, offset: offset, total: page.total, visible: state.layout.hostRows)
        return []
    default:
        return []
    }
}
