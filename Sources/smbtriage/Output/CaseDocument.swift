import Foundation
import Store

/// A host's case as `smbtriage case` prints it: one JSON object, or lines for the terminal.
enum CaseDocument {
    /// The case as JSON: the verdict as Kibana's closing reason, steps numbered from 1.
    static func make(_ hostCase: HostCase, guideSteps: Int) -> [String: Any] {
        [
            "source.ip": "\(hostCase.host)",
            "host.name": JSONLines.optional(hostCase.hostName),
            "case.state": hostCase.state.rawValue,
            "case.verdict": JSONLines.optional(hostCase.verdict?.rawValue),
            "case.reason": JSONLines.optional(hostCase.reason),
            "case.changed_at": JSONLines.date(hostCase.changedAt),
            "case.changed_by": JSONLines.optional(hostCase.changedBy),
            "case.resolved_at": JSONLines.date(hostCase.resolvedAt),
            "case.reopened": hostCase.reopening.map { reopening in
                ["@timestamp": JSONLines.date(reopening.at), "previous_verdict": reopening.previousVerdict.rawValue,
                 "new_alerts": reopening.newAlerts, "message": reopening.description] as [String: Any]
            } ?? NSNull(),
            "case.checklist.checked": hostCase.checkedGuideSteps.filter { $0 < guideSteps }.sorted().map { $0 + 1 },
            "case.checklist.steps": guideSteps,
            "case.notes": hostCase.notes.map { note in
                ["id": note.id, "author": note.author, "@timestamp": JSONLines.date(note.createdAt), "text": note.text]
                    as [String: Any]
            },
            "alerts.open": hostCase.openAlerts,
            "alerts.acknowledged": hostCase.acknowledgedAlerts,
            "alerts.closed": hostCase.closedAlerts,
            "alerts.notes": hostCase.alertNotes,
        ]
    }

    /// The case as lines for the terminal, every value sanitized; `guideSteps` are the active
    /// rule's investigation-guide steps.
    static func text(_ hostCase: HostCase, guideSteps: [String]) -> String {
        let safe = TerminalText.safe
        var lines = ["case \(hostCase.host)" + (hostCase.hostName.map { " (\(safe($0)))" } ?? "")]
        lines.append("state      \(hostCase.state.rawValue)" + (hostCase.verdict.map { ": \($0)" } ?? ""))
        if let reopening = hostCase.reopening {
            lines.append("           \(reopening) (it was \(reopening.previousVerdict), reopened "
                         + "\(Formatting.time(reopening.at)))")
        }
        if let reason = hostCase.reason { lines.append("reason     \(safe(reason))") }
        if let changedAt = hostCase.changedAt {
            lines.append("changed    \(Formatting.time(changedAt)) by \(safe(hostCase.changedBy ?? "-"))")
        }
        lines.append("alerts     \(hostCase.openAlerts) open, \(hostCase.acknowledgedAlerts) acknowledged, "
                     + "\(hostCase.closedAlerts) closed; \(counted(hostCase.alertNotes, "note")) on them")
        let ticked = hostCase.checkedGuideSteps.filter { $0 < guideSteps.count }.count
        lines.append("checklist  \(ticked)/\(guideSteps.count)")
        for (index, step) in guideSteps.enumerated() {
            lines.append("  [\(hostCase.checkedGuideSteps.contains(index) ? "x" : " ")] \(index + 1). \(safe(step))")
        }
        lines.append("notes      \(hostCase.notes.count)")
        for note in hostCase.notes {
            lines.append("  \(Formatting.time(note.createdAt))  \(safe(note.author))  \(safe(note.text))")
        }
        return lines.joined(separator: "\n")
    }
}
