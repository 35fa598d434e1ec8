import CNcursesw
import ScreenCore

/// Turns what curses' `wget_wch` reads into `Key`s.
enum TerminalKeyDecoder {
    /// The curses function-key codes the console uses (`KEY_UP` …) and their keys.
    static let keysByCode: [Int32: Key] = [
        smb_key_up(): .up, smb_key_down(): .down, smb_key_left(): .left, smb_key_right(): .right,
        smb_key_page_up(): .pageUp, smb_key_page_down(): .pageDown,
        smb_key_home(): .home, smb_key_end(): .end,
        smb_key_enter(): .enter, smb_key_back_tab(): .backTab,
        smb_key_backspace(): .backspace, smb_key_delete(): .delete,
    ]

    /// Home and End as the common terminals send them, taught to curses so the keys work even when
    /// `TERM` names a terminal that sends them differently (xterm inside tmux, rxvt, the Linux console).
    static let homeAndEndSequences: [(sequence: String, code: Int32)] = [
        ("\u{1B}[1~", smb_key_home()), ("\u{1B}[7~", smb_key_home()), ("\u{1B}[H", smb_key_home()),
        ("\u{1B}OH", smb_key_home()),
        ("\u{1B}[4~", smb_key_end()), ("\u{1B}[8~", smb_key_end()), ("\u{1B}[F", smb_key_end()),
        ("\u{1B}OF", smb_key_end()),
    ]

    /// The key for a curses function-key code, or `nil` for one the console has no use for.
    static func key(forKeyCode code: Int32) -> Key? {
        keysByCode[code]
    }

    /// The key for a character: Enter, Tab, Escape, Backspace and Ctrl-combinations for the C0
    /// controls, the character itself when printable, `nil` for C1 controls and invalid code points.
    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 0x0A, 0x0D: return .enter
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x08, 0x7F: return .backspace
        case 0x00..<0x20: return controlKey(value)
        case 0x80..<0xA0: return nil
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }

    /// Ctrl plus the key whose ASCII code, with bit 6 set, is `value` (`0x01` → `ctrl("a")`).
    private static func controlKey(_ value: UInt32) -> Key? {
        guard let scalar = Unicode.Scalar(value | 0x40) else { return nil }
        return .ctrl(Character(String(scalar).lowercased()))
    }
}
