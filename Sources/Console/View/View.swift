/// Draws the state. Pure: the same state always gives the same screen.
func view(_ state: ConsoleState, color: Bool) -> Screen {
    var screen = Screen(width: state.width, height: state.height)
    screen.draw("smbtriage › hosts", row: 0, column: 0, style: CellStyle(emphasis: .bold, tone: color ? .accent : .normal))
    for (index, host) in state.hosts.list.rows.prefix(state.layout.hostRows).enumerated() {
        screen.draw("\(host.address)", row: state.layout.bodyTop + 1 + index, column: 1)
    }
    return screen
}
