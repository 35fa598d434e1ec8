import ScreenCore
import TriageModel

/// A host's case in the few words a row or a header has room for.
enum CaseText {
    /// The hosts list's CASE cell: "investigating 2/6", "resolved · TP", "reopened +12".
    static func progress(_ progress: CaseProgress, guideSteps: Int) -> String {
        if let reopenedBy = progress.reopenedBy { return "reopened +\(reopenedBy)" }
        if progress.state == .resolved { return "resolved · \(progress.verdict.map(abbreviation) ?? "?")" }
        return "\(progress.state.rawValue) \(min(progress.checkedGuideSteps, guideSteps))/\(guideSteps)"
    }

    /// "TP", "BTP", "FP", "dup".
    static func abbreviation(_ verdict: CaseVerdict) -> String {
        switch verdict {
        case .truePositive: "TP"
        case .benignTruePositive: "BTP"
        case .falsePositive: "FP"
        case .duplicate: "dup"
        }
    }

    /// The tone a case reads in: unresolved work stands out, a resolved case recedes.
    static func tone(_ progress: CaseProgress) -> Tone {
        if progress.reopenedBy != nil { return .high }
        switch progress.state {
        case .new: return .normal
        case .investigating: return .accent
        case .escalated: return .critical
        case .resolved: return .muted
        }
    }

}
