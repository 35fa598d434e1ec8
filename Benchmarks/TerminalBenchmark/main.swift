// terminal-benchmark: how fast TerminalSession.present draws, on the terminal it runs in.
// Run it in a real terminal (or tmux); it prints its figures after giving the terminal back:
//   swift build -c release --product terminal-benchmark
//   tmux new-session -d -x 200 -y 60 '.build/release/terminal-benchmark; sleep 600'
//   tmux capture-pane -p
import ScreenCore
import Terminal

/// A frame of `width` × `height` whose text and styles depend on `seed`, with one wide character
/// per row, so two seeds differ in every cell.
func frame(width: Int, height: Int, seed: Int, selectedRow: Int) -> Screen {
    var frame = Screen(width: width, height: height)
    let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    let tones = Tone.allCases
    for row in 0..<height {
        for column in 0..<width {
            let letter = letters[(row * 7 + column + seed) % letters.count]
            var emphasis: Emphasis = column % 11 == 0 ? .bold : []
            if row == selectedRow { emphasis.insert(.reverse) }
            frame[row, column] = Cell(grapheme: String(letter),
                                      style: CellStyle(emphasis: emphasis, tone: tones[(column / 8 + seed) % tones.count]))
        }
        if width >= 2 {
            frame[row, 0] = Cell(grapheme: "界")
            frame[row, 1] = Cell(grapheme: "")
        }
    }
    return frame
}

/// Presents `frames` in turn `rounds` times; returns microseconds per present.
func timePresents(_ session: TerminalSession, _ frames: [Screen], rounds: Int) -> Double {
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        for round in 0..<rounds { session.present(frames[round % frames.count]) }
    }
    let (seconds, attoseconds) = elapsed.components
    return (Double(seconds) * 1e6 + Double(attoseconds) / 1e12) / Double(rounds)
}

let session = try TerminalSession(options: TerminalOptions())
let (width, height) = session.size
let rounds = 500
let everyCell = timePresents(session, [
    frame(width: width, height: height, seed: 0, selectedRow: 0),
    frame(width: width, height: height, seed: 1, selectedRow: 0),
], rounds: rounds)
let base = frame(width: width, height: height, seed: 0, selectedRow: 0)
let selectionMove = timePresents(session, [base, frame(width: width, height: height, seed: 0, selectedRow: 1)],
                                 rounds: rounds)
let unchanged = timePresents(session, [base], rounds: rounds)
session.close()

func line(_ label: String, _ microseconds: Double) -> String {
    let perFrame = String(Int(microseconds + 0.5))
    let perSecond = String(Int(1e6 / microseconds + 0.5))
    return "\(label) \(perFrame) µs per present, \(perSecond) presents/s"
}
print("terminal-benchmark on a \(width)×\(height) terminal, \(rounds) presents each")
print(line("every cell changes:      ", everyCell))
print(line("selection moves (2 rows):", selectionMove))
print(line("nothing changes:         ", unchanged))
