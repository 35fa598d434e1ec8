import Detection
import Foundation
import ScreenCore
import TriageModel

/// One alert: a summary, pane tabs, and the pane in front (destination, ATT&CK, guide, notes).
enum AlertView {
    static func draw(_ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        guard let alert = state.alert else { return }
        let layout = state.layout
        let top = layout.bodyTop
        guard let record = alert.record else {
            let text = alert.isLoaded ? "Alert \(alert.id) does not exist (any more)." : "Loading alert \(alert.id)…"
            screen.draw(text, row: top + 1, column: 2, style: theme.muted)
            return
        }
        drawSummary(record, state, row: top, into: &screen, theme: theme)
        drawTabs(alert, record, state, row: top + 2, into: &screen, theme: theme)
        let (lines, guideLine) = paneLines(alert, record, state, theme: theme)
        let scroll = alert.pane == .guide ? max(0, guideLine - layout.textRows / 3) : alert.scroll
        StyledLine.draw(lines, scroll: scroll, top: top + 3, height: layout.textRows, into: &screen)
    }

    /// The lines of the pane in front, and in the guide the line of the selected step.
    static func paneLines(_ alert: AlertState, _ record: AlertRecord, _ state: ConsoleState,
                          theme: Theme) -> (lines: [StyledLine], selectedLine: Int) {
        let width = state.width
        switch alert.pane {
        case .destination: return (connectionLines(alert, record, width: width, theme: theme) + destinationLines(record, state, width: width, theme: theme), 0)
        case .attack: return (attackLines(state.rule, width: width, theme: theme), 0)
        case .guide: return guideLines(record, state, width: width, theme: theme)
        case .notes: return (noteLines(alert.notes, state, width: width, theme: theme), 0)
        }
    }

    private static func drawSummary(_ record: AlertRecord, _ state: ConsoleState, row: Int, into screen: inout Screen, theme: Theme) {
        var column = screen.draw("Alert \(record.id)", row: row, column: 1, style: theme.style(.normal, .bold))
        column = screen.draw("  \(record.status.label)", row: row, column: column, style: theme.style(record.status.tone, .bold))
        let severity = Severity(riskScore: record.riskScore)
        column = screen.draw("  \(record.severity) (risk \(record.riskScore))", row: row, column: column,
                             style: theme.style(severity.tone, .bold))
        let event = record.flow.event
        // Addresses are shown whole or not at all (an address cut short reads as another one); the
        // destination before the source, which the breadcrumbs name.
        let room = screen.width - column - 3
        let flow = "\(EndpointText.source(event)) → \(EndpointText.destination(event))"
        let destination = "→ \(EndpointText.destination(event))"
        screen.draw(DisplayText.truncatedAtWords(DisplayText.width(flow) <= room ? flow : destination, to: room),
                    row: row, column: column + 2, style: theme.plain)
        var details = ["created \(DateText.minute(record.createdAt, timeZone: state.timeZone)) by rule v\(record.ruleVersion)"]
        if let reason = record.closeReason { details.append("closed as \(reason)") }
        details.append(record.reason)
        screen.draw(DisplayText.truncatedAtWords(details.joined(separator: " · "), to: screen.width - 2), row: row + 1, column: 1,
                    style: theme.muted)
    }

    private static func drawTabs(_ alert: AlertState, _ record: AlertRecord, _ state: ConsoleState, row: Int,
                                 into screen: inout Screen, theme: Theme) {
        let steps = state.rule.investigationGuide.steps.count
        var column = 1
        for pane in AlertState.Pane.allCases {
            var title = pane.rawValue
            switch pane {
            case .guide: title += " \(record.checkedGuideSteps.filter { $0 < steps }.count)/\(steps)"
            case .notes: title += " (\(record.noteCount))"
            default: break
            }
            let isFront = pane == alert.pane
            let text = isFront ? "[\(title)]" : " \(title) "
            column = screen.draw(text, row: row, column: column,
                                 style: isFront ? theme.style(.accent, [.bold, .reverse]) : theme.muted) + 1
        }
    }

    /// "Connection  alert 2 of 3 (94, 95, 96) · seen by … · ] next, [ previous" when other
    /// sensors' records of the connection alerted too.
    private static func connectionLines(_ alert: AlertState, _ record: AlertRecord, width: Int, theme: Theme) -> [StyledLine] {
        let connection = alert.connectionIDs
        guard connection.count > 1, let index = connection.firstIndex(of: record.id) else { return [] }
        let ids = connection.map(String.init).joined(separator: ", ")
        let sensors = record.connection.sensors.isEmpty ? "" : " · seen by " + record.connection.sensors.joined(separator: ", ")
        return StyledLine.field("Connection", "alert \(index + 1) of \(alert.connection.count) (\(ids))\(sensors) · ] next, [ previous",
                                width: width, theme: theme)
    }

    private static func destinationLines(_ record: AlertRecord, _ state: ConsoleState, width: Int, theme: Theme) -> [StyledLine] {
        let event = record.flow.event
        let origin = record.flow.origin
        let zone = state.timeZone
        func count(_ bytes: Int64?, _ packets: Int64?) -> String {
            guard bytes != nil || packets != nil else { return "not in the log" }
            let byteText = bytes.map { "\(NumberText.bytes($0)) (\(NumberText.grouped($0)) bytes)" } ?? "? bytes"
            return byteText + (packets.map { " in \(NumberText.grouped($0)) packet" + ($0 == 1 ? "" : "s") } ?? "")
        }
        var fields: [(String, String)] = [
            ("Destination", event.destinationIPs.map { "\($0)" }.joined(separator: ", ") + (event.destinationDomain.map { " (\($0))" } ?? "")),
            ("Port", event.destinationPort.map(String.init) ?? "not in the log"),
            ("Source", EndpointText.source(event) + (event.sourceDomain.map { " (\($0))" } ?? "")),
            ("Transport", [event.transport, event.applicationProtocol].compactMap { $0 }.joined(separator: " / ")),
            ("Sent", count(event.sourceBytes, event.sourcePackets)),
            ("Received", count(event.destinationBytes, event.destinationPackets)),
        ]
        if let nanoseconds = event.durationNanoseconds {
            fields.append(("Duration", String(format: "%.3f s", Double(nanoseconds) / 1e9)))
        }
        if let threat = event.threatName { fields.append(("Threat", threat)) }
        if let signature = event.ruleName { fields.append(("Rule name", signature)) }
        if let category = event.ruleCategory { fields.append(("Rule category", category)) }
        if let severity = event.severity { fields.append(("Event severity", String(severity))) }
        if let state = event.connectionState { fields.append(("State / action", state)) }
        if let action = event.action { fields.append(("Event action", action)) }
        if let start = event.start { fields.append(("Started", DateText.second(start, timeZone: zone))) }
        if let end = event.end { fields.append(("Ended", DateText.second(end, timeZone: zone))) }
        if let timestamp = event.timestamp { fields.append(("@timestamp", DateText.second(timestamp, timeZone: zone))) }
        fields.append(("Ingested", DateText.second(record.flow.ingestedAt, timeZone: zone)))
        fields.append(("Dataset", [event.dataset, event.module.map { "module \($0)" }].compactMap { $0 }.joined(separator: " · ")))
        if let direction = event.direction { fields.append(("Direction", direction)) }
        if let executable = event.processExecutable {
            fields.append(("Process", executable + (event.processID.map { " (pid \($0))" } ?? "")))
        }
        if let user = event.userName { fields.append(("User", (event.userDomain.map { "\($0)\\" } ?? "") + user)) }
        if let sensor = event.observerHostName { fields.append(("Observer", sensor)) }
        if let community = event.communityID { fields.append(("Community ID", community)) }
        fields.append(("Source file", "\(origin.path) line \(origin.line) (\(origin.format))"))
        fields.append(("Alert uuid", record.uuid))
        var lines = fields.flatMap { StyledLine.field($0.0, $0.1.isEmpty ? "—" : $0.1, width: width, theme: theme) }
        lines.append(StyledLine())
        lines.append(StyledLine("  r shows the original record · H the host's history · e adds an exception", theme.muted))
        return lines
    }

    private static func attackLines(_ rule: DetectionRule, width: Int, theme: Theme) -> [StyledLine] {
        var lines: [StyledLine] = []
        for mapping in rule.threat {
            lines.append(StyledLine("  \(mapping.tactic.id) ", theme.style(.accent, .bold))
                .appending(mapping.tactic.name, theme.style(.normal, .bold))
                .appending("  (\(mapping.framework) tactic)", theme.muted))
            lines.append(StyledLine("    " + mapping.tactic.reference, theme.style(.accent, .underline)))
            for technique in mapping.technique {
                lines.append(StyledLine("    └ \(technique.id) ", theme.style(.accent, .bold)).appending(technique.name, theme.plain))
                lines.append(StyledLine("      " + technique.reference, theme.style(.accent, .underline)))
            }
            lines.append(StyledLine())
        }
        if lines.isEmpty { lines.append(StyledLine("  The rule maps no ATT&CK techniques.", theme.muted)) }
        return lines
    }

    private static func guideLines(_ record: AlertRecord, _ state: ConsoleState, width: Int,
                                   theme: Theme) -> (lines: [StyledLine], selectedLine: Int) {
        let guide = state.rule.investigationGuide
        let selectedStep = state.alert?.guideCursor.selected ?? 0
        var lines = [StyledLine("  Steps (Space or x ticks)", theme.style(.accent, .bold))]
        var selectedLine = 0
        for (index, step) in guide.steps.enumerated() {
            let checked = record.checkedGuideSteps.contains(index)
            let box = checked ? "[x] " : "[ ] "
            let number = "\(index + 1). "
            if index == selectedStep { selectedLine = lines.count }
            let marker = index == selectedStep ? " ›" : "  "
            var stepLines = StyledLine.wrapped(step, width: width - 2, style: checked ? theme.style(.ok) : theme.plain,
                                               firstPrefix: marker + box + number,
                                               prefix: String(repeating: " ", count: 2 + box.count + number.count))
            if index == selectedStep { for line in stepLines.indices { stepLines[line].isSelected = true } }
            lines += stepLines
        }
        for (title, items) in [("False positives", guide.falsePositives), ("Response", guide.response)] where !items.isEmpty {
            lines.append(StyledLine())
            lines.append(StyledLine("  " + title, theme.style(.accent, .bold)))
            for item in items { lines += StyledLine.wrapped(item, width: width - 2, style: theme.plain, firstPrefix: "  • ", prefix: "    ") }
        }
        return (lines, selectedLine)
    }

    private static func noteLines(_ notes: [AlertNote], _ state: ConsoleState, width: Int, theme: Theme) -> [StyledLine] {
        guard !notes.isEmpty else { return [StyledLine("  No notes yet. n adds one.", theme.muted)] }
        var lines: [StyledLine] = []
        for note in notes {
            lines.append(StyledLine("  \(DateText.minute(note.createdAt, timeZone: state.timeZone))  ", theme.muted)
                .appending(note.author, theme.style(.accent, .bold)))
            lines += StyledLine.wrapped(note.text, width: width - 4, style: theme.plain, firstPrefix: "    ", prefix: "    ")
            lines.append(StyledLine())
        }
        return lines
    }
}
