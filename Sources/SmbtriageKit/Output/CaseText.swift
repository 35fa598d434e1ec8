import TriageModel

/// A host's case as `smbtriage case HOST` prints it for the terminal, every value sanitized.
public enum CaseText {
    /// `guideSteps`: the active rule's investigation-guide steps.
    public static func render(_ hostCase: HostCase, guideSteps: [String]) -> String {
        let safe = TerminalText.safe
        var lines = ["case \(hostCase.host)" + (hostCase.hostName.map { " (\(safe($0)))" } ?? "")]
        lines.append("state      \(hostCase.state.rawValue)" + (hostCase.verdict.map { ": \($0)" } ?? ""))
        if let reopening = hostCase.reopening {
            lines.append("           \(reopening) (it was \(reopening.previousVerdict), reopened "
                         + "\(Formatting.time(reopening.at)))")
        }
        if let reason = hostCase.reason {
            // New alerts reopen a case without a word: its reason is still the resolution's.
            lines.append("reason     \(safe(reason))" + (hostCase.reopening == nil ? "" : " (given when it was resolved)"))
        }
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
