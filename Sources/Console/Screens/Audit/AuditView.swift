import ScreenCore
import TriageModel

/// The `:audit` overlay: one line per triage change, newest first, every logged value escaped.
enum AuditView {
    static func auditBox(_ layout: Layout) -> Box {
        Box.centred(width: layout.width, height: layout.bodyHeight, in: layout)
    }

    static func draw(_ log: AuditLog, _ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        let box = auditBox(state.layout)
        box.draw(title: "Audit log · \(scopeName(log.scope)) · \(log.order.direction) \(log.order.arrow) — j/k scroll, I reverses, Esc closes",
                 into: &screen, theme: theme)
        OverlayView.drawLines(lines(log, state, theme: theme), scroll: log.scroll, box: box, into: &screen)
    }

    /// `2026-11-30 14:02:09  alice  alert.close  alert 12 · 10.1.2.3  false positive`, wrapped to
    /// the box (nothing is cut), or what is shown instead while loading or when there is nothing.
    static func lines(_ log: AuditLog, _ state: ConsoleState, theme: Theme) -> [StyledLine] {
        guard let entries = log.entries else { return [StyledLine("loading…", theme.muted)] }
        guard !entries.isEmpty else { return [StyledLine("No triage changes recorded for \(scopeName(log.scope)).", theme.muted)] }
        let width = max(1, auditBox(state.layout).innerWidth - 2)
        return entries.flatMap { entry in
            let target = entry.alertID.map { "alert \($0)" + (entry.host.map { " · \($0)" } ?? "") } ?? entry.target
            let text = [DateText.second(entry.at, timeZone: state.timeZone), entry.actor, entry.action, target, entry.detail]
                .filter { !$0.isEmpty }.joined(separator: "  ")
            return DisplayText.wrapped(text, to: width).enumerated().map { index, line in
                StyledLine(index == 0 ? line : "  " + line, index == 0 ? theme.plain : theme.muted)
            }
        }
    }

    static func scopeName(_ scope: AuditLog.Scope) -> String {
        switch scope {
        case .store: "the whole store"
        case .host(let address): "host \(address)"
        case .alert(let id): "alert \(id)"
        }
    }
}
