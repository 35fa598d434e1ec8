import ScreenCore
import TriageModel

/// The case-notes overlay on the host screen (`N`, `:notes`): every note on the host's case, newest
/// first, with its time and author, wrapped to the box (nothing is cut), every logged value escaped.
enum CaseNotesView {
    static func notesBox(_ layout: Layout) -> Box {
        Box.centred(width: layout.width, height: layout.bodyHeight, in: layout)
    }

    static func draw(scroll: Int, _ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        let box = notesBox(state.layout)
        let address = state.host.map { " of \($0.address)" } ?? ""
        let count = state.host?.hostCase.map { $0.notes.count == 1 ? " · 1 note" : " · \($0.notes.count) notes" } ?? ""
        box.draw(title: "Case notes\(address)\(count) · newest first", into: &screen, theme: theme)
        OverlayView.drawLines(lines(state, theme: theme), scroll: scroll, box: box, into: &screen)
    }

    /// `2026-11-30 14:02  alice  found the copy job` per note, newest first, or what is shown
    /// instead while loading or when the case has none.
    static func lines(_ state: ConsoleState, theme: Theme) -> [StyledLine] {
        guard let host = state.host, let hostCase = host.hostCase else {
            return [StyledLine(state.host?.hostCase == nil ? "This host has no case: it has no alerts." : "loading…", theme.muted)]
        }
        guard !hostCase.notes.isEmpty else {
            return [StyledLine("No notes on the case of \(host.address) yet" + (state.readOnly ? "." : ": a adds one."), theme.muted)]
        }
        let width = max(1, notesBox(state.layout).innerWidth - 2)
        return hostCase.notes.reversed().flatMap { note in
            let heading = "\(DateText.minute(note.createdAt, timeZone: state.timeZone))  \(note.author)"
            return [StyledLine(DisplayText.truncated(heading, to: width), theme.style(.accent, .bold))]
                + DisplayText.wrapped(note.text, to: max(1, width - 2)).map { StyledLine("  " + $0, theme.plain) }
                + [StyledLine()]
        }
    }
}
