import CNcursesw
import ScreenCore

/// Turns curses' mouse button states into the console's mouse actions.
enum TerminalMouseDecoder {
    /// The button states the session asks curses to report: clicks and double clicks of the first
    /// button, and the wheel.
    static let reportedButtons: mmask_t =
        smb_button1_clicked() | smb_button1_double_clicked() | smb_wheel_up() | smb_wheel_down()

    /// How long curses waits for a release (and a second click) before it reports a press as a
    /// click (or two as a double click); curses' own default.
    static let clickIntervalMilliseconds: Int32 = 166

    /// The action a button state stands for, or `nil` for one the session does not report.
    static func action(forButtonState state: mmask_t) -> MouseEvent.Action? {
        if state & smb_button1_double_clicked() != 0 { return .doubleClick }
        if state & smb_button1_clicked() != 0 { return .click }
        if state & smb_wheel_up() != 0 { return .wheelUp }
        if state & smb_wheel_down() != 0 { return .wheelDown }
        return nil
    }
}
