import TriageModel

/// A host's case in `case --json`: the verdict as Kibana's closing reason, guide steps numbered
/// from 1.
public struct CaseDocument: Encodable, Sendable {
    var address: String
    var hostName: Nullable<String>
    var state: String
    var verdict, reason, changedAt, changedBy, resolvedAt: Nullable<String>
    var reopened: Nullable<Reopened>
    var checkedSteps: [Int]
    var guideSteps: Int
    var notes: [Note]
    var openAlerts, acknowledgedAlerts, closedAlerts, alertNotes: Int

    /// `guideSteps`: how many steps the active rule's investigation guide has.
    public init(_ hostCase: HostCase, guideSteps: Int) {
        address = "\(hostCase.host)"
        hostName = Nullable(hostCase.hostName)
        state = hostCase.state.rawValue
        verdict = Nullable(hostCase.verdict?.rawValue)
        reason = Nullable(hostCase.reason)
        changedAt = Nullable(hostCase.changedAt.map(JSONLines.date))
        changedBy = Nullable(hostCase.changedBy)
        resolvedAt = Nullable(hostCase.resolvedAt.map(JSONLines.date))
        reopened = Nullable(hostCase.reopening.map(Reopened.init))
        checkedSteps = hostCase.checkedGuideSteps.filter { $0 < guideSteps }.sorted().map { $0 + 1 }
        self.guideSteps = guideSteps
        notes = hostCase.notes.map(Note.init)
        openAlerts = hostCase.openAlerts
        acknowledgedAlerts = hostCase.acknowledgedAlerts
        closedAlerts = hostCase.closedAlerts
        alertNotes = hostCase.alertNotes
    }

    /// How the case came open again.
    struct Reopened: Encodable, Sendable {
        var timestamp, previousVerdict, message: String
        var newAlerts: Int

        init(_ reopening: CaseReopening) {
            timestamp = JSONLines.date(reopening.at)
            previousVerdict = reopening.previousVerdict.rawValue
            message = reopening.description
            newAlerts = reopening.newAlerts
        }

        enum CodingKeys: String, CodingKey {
            case timestamp = "@timestamp", previousVerdict = "previous_verdict", message, newAlerts = "new_alerts"
        }
    }

    /// A note on the case.
    struct Note: Encodable, Sendable {
        var id: Int64
        var author, timestamp, text: String

        init(_ note: CaseNote) {
            id = note.id
            author = note.author
            timestamp = JSONLines.date(note.createdAt)
            text = note.text
        }

        enum CodingKeys: String, CodingKey {
            case id, author, timestamp = "@timestamp", text
        }
    }

    enum CodingKeys: String, CodingKey {
        case address = "source.ip", hostName = "host.name", state = "case.state", verdict = "case.verdict"
        case reason = "case.reason", changedAt = "case.changed_at", changedBy = "case.changed_by"
        case resolvedAt = "case.resolved_at", reopened = "case.reopened", checkedSteps = "case.checklist.checked"
        case guideSteps = "case.checklist.steps", notes = "case.notes", openAlerts = "alerts.open"
        case acknowledgedAlerts = "alerts.acknowledged", closedAlerts = "alerts.closed", alertNotes = "alerts.notes"
    }
}
