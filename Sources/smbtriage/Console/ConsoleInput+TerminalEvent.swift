import Console
import Terminal

extension ConsoleInput {
    /// The console input for a terminal event: keys and resizes as they are, the mouse wheel as the
    /// arrow keys (the console has no pointer).
    init(_ event: TerminalEvent) {
        switch event {
        case .key(let key): self = .key(Key(key))
        case .resize(let width, let height): self = .resize(width: width, height: height)
        case .mouse(let mouse):
            switch mouse.action {
            case .wheelUp: self = .key(.up)
            case .wheelDown: self = .key(.down)
            }
        }
    }
}
