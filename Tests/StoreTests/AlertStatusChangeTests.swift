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
}
