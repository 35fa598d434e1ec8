import Testing
import TriageModel

@Suite("Alert status changes")
struct AlertStatusChangeTests {
    @Test func alertsThatComeAlongMoveOnlyForward() {
        var moves: [String] = []
        for target in AlertStatus.allCases {
            for current in AlertStatus.allCases where current.comesAlong(to: target) {
                moves.append("\(current.rawValue)→\(target.rawValue)")
            }
        }
        #expect(moves == ["closed→open", "open→acknowledged", "open→closed", "acknowledged→closed"])
    }

    @Test func theAlertsNamedMoveWhateverTheirStatusAndTheOthersAreHeldOrDone() {
        let alerts: [Int64: AlertStatus] = [1: .closed, 2: .closed, 3: .open, 4: .acknowledged]
        let acknowledge = AlertStatusChange(to: .acknowledged, alerts: alerts, named: [1])
        #expect(acknowledge.written == [1, 3])
        #expect(acknowledge.held == [2] && acknowledge.heldStatus == .closed)
        #expect(acknowledge.unchanged == [4])

        let reopen = AlertStatusChange(to: .open, alerts: alerts)
        #expect(reopen.written == [1, 2] && reopen.held == [4] && reopen.unchanged == [3])
        #expect(reopen.heldStatus == .acknowledged)

        let close = AlertStatusChange(to: .closed, alerts: alerts)
        #expect(close.written == [3, 4] && close.held.isEmpty && close.unchanged == [1, 2])
    }

    @Test func aChangeSaysWhatItLeavesInTheWordsOfItsCaller() {
        let change = AlertStatusChange(to: .acknowledged, alerts: [1: .closed, 2: .closed, 3: .acknowledged, 4: .open])
        let count = { (ids: [Int64]) in "\(ids.count)" }
        #expect(change.heldText { ids, status in "\(ids.count) \(status.rawValue)" } == "2 closed left closed")
        #expect(change.heldText(written: false, excluding: [1]) { ids, _ in "alert \(ids[0])" } == "alert 2 stays closed")
        #expect(change.unchangedText(count) == "1 already acknowledged")
        #expect(change.unchangedText(excluding: [3], count) == nil)
        #expect(AlertStatusChange(to: .closed, alerts: [4: .open]).heldText { _, _ in "" } == nil)
        #expect(AlertStatus.allCases.map { "\($0.verb)/\($0.pastTense)" } == ["reopen/reopened", "acknowledge/acknowledged", "close/closed"])
    }
}
