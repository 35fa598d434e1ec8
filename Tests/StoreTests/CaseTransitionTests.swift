import Store
import Testing
import TriageModel

@Suite("Case life cycle")
struct CaseTransitionTests {
    @Test func aCaseMovesForwardIsReopenedOnlyFromResolvedAndNeverReturnsToNew() throws {
        var allowed: [String] = []
        for from in CaseState.allCases {
            for to in CaseState.allCases {
                let verdict: CaseVerdict? = to == .resolved ? .truePositive : nil
                if (try? CaseTransition(from: from, to: to, verdict: verdict)) != nil {
                    allowed.append("\(from.rawValue)→\(to.rawValue)")
                }
            }
        }
        #expect(allowed == [
            "new→investigating", "new→escalated", "new→resolved",
            "investigating→escalated", "investigating→resolved",
            "escalated→investigating", "escalated→resolved",
            "resolved→investigating", "resolved→escalated",
        ])
        #expect(CaseState.reopened == .investigating)
    }

    @Test func resolvingRequiresAVerdictAndOnlyResolvingTakesOne() throws {
        #expect(throws: CaseTransitionError.verdictRequired) {
            try CaseTransition(from: .investigating, to: .resolved, verdict: nil)
        }
        #expect(throws: CaseTransitionError.verdictOnlyWhenResolving(.escalated)) {
            try CaseTransition(from: .investigating, to: .escalated, verdict: .falsePositive)
        }
        let resolved = try CaseTransition(from: .escalated, to: .resolved, verdict: .benignTruePositive)
        #expect(resolved.verdict == .benignTruePositive)
        #expect(throws: CaseTransitionError.unchanged(.investigating)) {
            try CaseTransition(from: .investigating, to: .investigating, verdict: nil)
        }
        #expect(throws: CaseTransitionError.notAllowed(from: .escalated, to: .new)) {
            try CaseTransition(from: .escalated, to: .new, verdict: nil)
        }
    }

    @Test func refusalsSayWhatIsPossible() {
        #expect(CaseTransitionError.verdictRequired.description
            == "resolving a case needs a verdict: true positive, benign true positive, false positive, duplicate.")
        #expect(CaseTransitionError.notAllowed(from: .resolved, to: .new).description
            == "a case that is resolved cannot become new (it may become investigating or escalated).")
    }

    @Test func verdictsAreKibanasClosingReasonsAndReadAsWords() {
        #expect(CaseVerdict.allCases.map(\.rawValue) == ["true_positive", "benign_positive", "false_positive", "duplicate"])
        #expect(CaseVerdict.allCases.map(\.description)
            == ["true positive", "benign true positive", "false positive", "duplicate"])
        #expect(CaseVerdict.allCases.allSatisfy { CaseVerdict(closeReason: $0.description) == $0 })
        #expect(CaseVerdict(closeReason: "matches exception backup") == nil)
    }

    @Test func aReopeningSaysHowManyAlertsArrivedSinceTheCaseWasResolved() {
        #expect(CaseReopening(at: .distantPast, previousVerdict: .falsePositive, newAlerts: 12).description
            == "reopened: 12 new alerts since resolved")
        #expect(CaseReopening(at: .distantPast, previousVerdict: .falsePositive, newAlerts: 1).description
            == "reopened: 1 new alert since resolved")
    }
}
