import Detection
import ScreenCore

/// A form overlay: its fields, the focused one highlighted, its error and, for exceptions, the
/// exception guard's concerns about the scope chosen.
enum FormView {
    static func draw(_ form: Form, _ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        let layout = state.layout
        let width = min(84, layout.width - 2)
        let labelWidth = min(28, (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2)
        var notes: [StyledLine] = []
        if let error = form.error {
            notes += StyledLine.wrapped(error, width: width - 4, style: theme.style(.critical, .bold), firstPrefix: "✗ ", prefix: "  ")
        }
        if case .success(let scope) = Update.exceptionScope(of: form) {
            for concern in Update.exceptionConcerns(scope, state: state) {
                notes += StyledLine.wrapped(concern.message, width: width - 4, style: theme.style(.medium, .bold),
                                            firstPrefix: "⚠ ", prefix: "  ")
            }
        }
        let box = Box.centred(width: width, height: form.fields.count * 2 + notes.count + 4, in: layout)
        box.draw(title: form.title, into: &screen, theme: theme)
        var row = box.innerTop + 1
        for (index, field) in form.fields.enumerated() where row < box.top + box.height - 1 {
            let focused = index == form.focus
            let labelStyle = focused ? theme.style(.accent, .bold) : theme.plain
            screen.draw((focused ? "▸ " : "  ") + field.label, row: row, column: box.innerLeft, style: labelStyle, maxWidth: labelWidth)
            let column = box.innerLeft + labelWidth + 1
            let room = box.innerWidth - labelWidth - 1
            switch field {
            case .text(_, let value, let hint):
                FieldView.draw(value, row: row, column: column, width: room, focused: focused, into: &screen, theme: theme)
                if value.text.isEmpty {
                    screen.draw(DisplayText.truncated(hint, to: room - 1), row: row, column: column + 1,
                                style: theme.style(.muted, [.dim, .underline]))
                }
            case .choice(_, let options, let selected):
                let option = selected.map { options[$0] } ?? "choose one"
                let text = "◂ \(DisplayText.truncatedAtWords(option, to: room - 4)) ▸"
                screen.draw(text, row: row, column: column, style: focused ? theme.style(.normal, .reverse) : theme.plain, maxWidth: room)
            case .checkbox(_, let checked):
                screen.draw(checked ? "[x]" : "[ ]", row: row, column: column, style: focused ? theme.style(.normal, .reverse) : theme.plain)
                if let preview = form.preview {
                    screen.draw(DisplayText.truncated(preview.text(closing: checked), to: max(0, room - 5)), row: row,
                                column: column + 5, style: theme.style(checked ? .medium : .muted, checked ? .bold : []))
                }
            }
            row += 2
        }
        for line in notes where row < box.top + box.height - 1 {
            StyledLine.draw([line], scroll: 0, top: row, height: 1, into: &screen, from: box.innerLeft)
            row += 1
        }
        let footer = "Enter submit · Tab/↓ next field · ←/→/Space change · Esc cancel"
        screen.draw(DisplayText.truncated(footer, to: box.innerWidth), row: box.top + box.height - 1, column: box.innerLeft,
                    style: theme.muted)
    }
}
