import TriageModel

/// A case in `cases --json`: the host's `hosts --json` document with its case's state, verdict
/// (Kibana's closing reason), checklist progress and, while reopened, the alerts since it was
/// resolved.
public struct CaseRowDocument: Encodable, Sendable {
    var host: HostDocument
    var progress: Progress

    /// `guideSteps`: how many steps the active rule's investigation guide has.
    public init(_ host: HostSummary, _ progress: CaseProgress, guideSteps: Int) {
        self.host = HostDocument(host)
        self.progress = Progress(progress, guideSteps: guideSteps)
    }

    /// The host's fields and the case's in one object.
    public func encode(to encoder: any Encoder) throws {
        try host.encode(to: encoder)
        try progress.encode(to: encoder)
    }

    /// The case's own fields.
    struct Progress: Encodable, Sendable {
        var state: String
        var verdict: Nullable<String>
        var checkedSteps, guideSteps: Int
        var reopenedBy: Nullable<Int>

        init(_ progress: CaseProgress, guideSteps: Int) {
            state = progress.state.rawValue
            verdict = Nullable(progress.verdict?.rawValue)
            checkedSteps = min(progress.checkedGuideSteps, guideSteps)
            self.guideSteps = guideSteps
            reopenedBy = Nullable(progress.reopenedBy)
        }

        enum CodingKeys: String, CodingKey {
            case state = "case.state", verdict = "case.verdict", checkedSteps = "case.checklist.checked"
            case guideSteps = "case.checklist.steps", reopenedBy = "case.reopened.new_alerts"
        }
    }
}
