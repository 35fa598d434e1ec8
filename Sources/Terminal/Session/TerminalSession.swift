import CNcursesw
import ScreenCore

/// The terminal under curses, from `init` (which enters the full-screen mode) to `close` (which
/// leaves it). SIGINT, SIGTERM and SIGHUP restore the terminal before they end the process.
///
/// One session drives the process's own terminal; open one at a time and use it from one task.
public final class TerminalSession {
    /// Whether frames are drawn in colour (asked for, not vetoed by `NO_COLOR`, and shown by the terminal).
    public let usesColor: Bool

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let palette: TerminalPalette
    private let reportsMouse: Bool
    /// What the screen shows now, so `present(_:)` draws only the cells that change.
    private var shownFrame: Screen?
    private var inputTimeoutMilliseconds: Int32?
    private var isClosed = false

    /// Enters curses' full-screen mode on standard input and output.
    /// - Throws: `TerminalError` when they are not a terminal curses can drive.
    public init(options: TerminalOptions) throws {
        try Self.checkStandardStreams()
        smb_use_environment_locale()
        guard let screen = smb_newterm() else {
            throw TerminalError.unsupportedTerminal(name: String(cString: smb_terminal_name()))
        }
        self.screen = screen
        window = smb_stdscr()
        set_escdelay(25)
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        for (sequence, code) in TerminalKeyDecoder.homeAndEndSequences {
            define_key(sequence, code)
        }
        intrflush(window, false)
        leaveok(window, true)
        curs_set(0)
        palette = options.color && has_colors() ? Self.startColors() : .monochrome
        usesColor = !palette.foregrounds.isEmpty
        reportsMouse = options.mouse
        if reportsMouse {
            mousemask(TerminalMouseDecoder.reportedButtons, nil)
            mouseinterval(TerminalMouseDecoder.clickIntervalMilliseconds)
        }
        smb_restore_terminal_on_termination_signals()
    }

    deinit {
        close()
    }

    /// Throws `TerminalError.notATerminal` unless standard input and output are a terminal, so a
    /// command can refuse before slow work rather than when it opens the session.
    public static func checkStandardStreams() throws {
        guard smb_standard_streams_are_terminals() else { throw TerminalError.notATerminal }
    }

    /// The terminal's size in columns and rows.
    public var size: (width: Int, height: Int) {
        (Int(smb_cols()), Int(smb_lines()))
    }

    /// Shows `frame`, sending the terminal only what changed since the last frame. Cells beyond the
    /// terminal's edge are not drawn.
    public func present(_ frame: Screen) {
        let (width, height) = size
        if shownFrame?.width != frame.width || shownFrame?.height != frame.height {
            werase(window)
        }
        for position in frame.positionsToRedraw(after: shownFrame)
        where position.row < height && position.column < width {
            let cell = frame[position.row, position.column]
            let rendition = palette.rendition(of: cell.style)
            let text = TerminalGlyph.wideCharacters(for: cell.grapheme)
            _ = smb_draw_cell(window, Int32(position.row), Int32(position.column), text,
                              rendition.attributes, rendition.pair)
        }
        wrefresh(window)
        shownFrame = frame
    }

    /// Makes the next `present(_:)` clear the terminal and draw every cell, for when something
    /// outside curses wrote to it (the Ctrl-L convention).
    public func repaintOnNextPresent() {
        shownFrame = nil
        clearok(window, true)
    }

    /// The next key, resize or mouse action, waiting at most `timeout`; `.tick` when none came.
    /// Input the console has no use for (unknown function keys, unreported mouse actions) is skipped.
    public func nextEvent(timeout: Duration) -> InputEvent {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            setInputTimeout(deadline - clock.now)
            var character: wint_t = 0
            let status = wget_wch(window, &character)
            guard status != ERR else { return .tick }
            let event = status == smb_key_code_yes()
                ? event(forKeyCode: Int32(character))
                : TerminalKeyDecoder.key(forCharacter: UInt32(character)).map(InputEvent.key)
            if let event { return event }
        }
    }

    /// Leaves full-screen mode and gives the terminal back as it was; later calls do nothing.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        smb_stop_restoring_terminal_on_termination_signals()
        if reportsMouse { mousemask(0, nil) }
        endwin()
        delscreen(screen)
    }

    private func event(forKeyCode code: Int32) -> InputEvent? {
        switch code {
        case smb_key_resize():
            shownFrame = nil
            let (width, height) = size
            return .resize(width: width, height: height)
        case smb_key_mouse():
            return reportsMouse ? nextMouseEvent() : nil
        default:
            return TerminalKeyDecoder.key(forKeyCode: code).map(InputEvent.key)
        }
    }

    private func nextMouseEvent() -> InputEvent? {
        var mouse = MEVENT()
        guard getmouse(&mouse) == OK,
              let action = TerminalMouseDecoder.action(forButtonState: mouse.bstate) else { return nil }
        return .mouse(MouseEvent(
            action: action, position: CellPosition(row: Int(mouse.y), column: Int(mouse.x))))
    }

    private func setInputTimeout(_ timeout: Duration) {
        let milliseconds = Int32(clamping: max(0, timeout.components.seconds * 1000
            + timeout.components.attoseconds / 1_000_000_000_000_000))
        guard milliseconds != inputTimeoutMilliseconds else { return }
        wtimeout(window, milliseconds)
        inputTimeoutMilliseconds = milliseconds
    }

    /// Starts curses' colours on the default background and sets up the palette's pairs.
    private static func startColors() -> TerminalPalette {
        start_color()
        let background: Int16 = use_default_colors() == OK ? -1 : Int16(COLOR_BLACK)
        let palette = TerminalPalette(colorCount: Int(smb_colors()))
        for (pair, foreground) in palette.pairs {
            init_pair(pair, foreground, background)
        }
        return palette
    }
}
