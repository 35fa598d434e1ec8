import CNcursesw
import ScreenCore

/// Turns curses' mouse button states into wheel actions.
enum TerminalMouseDecoder {
    /// The button states the session asks curses to report.
    static let reportedButtons: mmask_t = smb_wheel_up() | smb_wheel_down()

    /// The action a button state stands for, or `nil` for one the session does not report.
    static func action(forButtonState state: mmask_t) -> MouseEvent.Action? {
        if state & smb_wheel_up() != 0 { return .wheelUp }
        if state & smb_wheel_down() != 0 { return .wheelDown }
        return nil
    }
}
