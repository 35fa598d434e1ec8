import Detection
import Foundation
import Testing

@Suite("Host ranking: score and reason")
struct HostRankingTests {
    private func ranking(open: Int = 0, acknowledged: Int = 0, bytesOut: Int64 = 0, toNew: Int64 = 0,
                         destinations: Int = 0, unanswered: Int = 0, new: Int = 0, idle: TimeInterval = 0,
                         resolved: Bool = false) -> HostRanking {
        HostRanking(openAlerts: open, acknowledgedAlerts: acknowledged, bytesOut: bytesOut, bytesToNewDestinations: toNew,
                    externalDestinations: destinations, unansweredDestinations: unanswered, newDestinations: new,
                    idle: idle, isResolvedCase: resolved)
    }

    @Test func theReasonNamesTheStrongestSignalsInWords() {
        let size = { (bytes: Int64) in "<\(bytes) bytes>" }
        #expect(ranking(open: 20, bytesOut: 360_000_000, toNew: 360_000_000, destinations: 1, new: 1).reason(size: size)
            == "<360000000 bytes> to 1 new destination; 20 open alerts")
        // The SYNs' own header bytes are no transfer: nothing answered.
        #expect(ranking(open: 765, bytesOut: 20_196, toNew: 20_196, destinations: 190, unanswered: 190, new: 190).reason(size: size)
            == "SYN to 190 destinations, 0 replies; 765 open alerts")
        #expect(ranking(acknowledged: 50, bytesOut: 1_250_000, destinations: 2).reason(size: size)
            == "<1250000 bytes> to 2 external destinations; 50 acknowledged")
        #expect(ranking(destinations: 5, unanswered: 2).reason(size: size) == "2 of 5 destinations never answered")
        #expect(ranking(bytesOut: 999, destinations: 1, resolved: true).reason(size: size)
            == "<999 bytes> to 1 external destination; case resolved")
        #expect(ranking().reason(size: size) == "no external SMB")
    }

    @Test func everyTermRaisesTheScore() {
        let base = ranking(open: 1, bytesOut: 1_000_000, destinations: 1, idle: 86400)
        #expect(ranking(open: 2, bytesOut: 1_000_000, destinations: 1, idle: 86400).score > base.score)
        #expect(ranking(open: 1, acknowledged: 1, bytesOut: 1_000_000, destinations: 1, idle: 86400).score > base.score)
        #expect(ranking(open: 1, bytesOut: 9_000_000, destinations: 1, idle: 86400).score > base.score)
        #expect(ranking(open: 1, bytesOut: 1_000_000, toNew: 1_000_000, destinations: 1, idle: 86400).score > base.score)
        #expect(ranking(open: 1, bytesOut: 1_000_000, destinations: 2, idle: 86400).score > base.score)
        #expect(ranking(open: 1, bytesOut: 1_000_000, destinations: 1, unanswered: 1, idle: 86400).score > base.score)
        #expect(ranking(open: 1, bytesOut: 1_000_000, destinations: 1, new: 1, idle: 86400).score > base.score)
        #expect(ranking(open: 1, bytesOut: 1_000_000, destinations: 1, idle: 0).score > base.score)
    }

    @Test func acknowledgingStillCountsAndAResolvedCaseSinksBelowEveryOpenOne() {
        let open = ranking(open: 10, bytesOut: 1_000_000, destinations: 1)
        let acknowledged = ranking(acknowledged: 10, bytesOut: 1_000_000, destinations: 1)
        let quiet = ranking(idle: HostRanking.recencyHorizon * 2)
        #expect(acknowledged.score > quiet.score)
        #expect(acknowledged.score < open.score)
        let resolved = ranking(open: 5_000, bytesOut: .max, toNew: .max, destinations: 10_000, unanswered: 10_000,
                               new: 10_000, resolved: true)
        #expect(resolved.score < quiet.score)
    }

    @Test func bytesToANewDestinationOutrankAnUnansweredScan() {
        let exfiltration = ranking(open: 20, bytesOut: 360_000_000, toNew: 360_000_000, destinations: 1, new: 1)
        let scan = ranking(open: 765, destinations: 150, unanswered: 150, new: 150)
        let backup = ranking(open: 50, bytesOut: 400_000_000, destinations: 1)
        #expect(exfiltration.score > scan.score)
        #expect(scan.score > backup.score)
    }
}

@Suite("Connection spans")
struct ConnectionSpanTests {
    private func span(_ start: TimeInterval, _ end: TimeInterval) -> ConnectionSpan {
        ConnectionSpan(start: Date(timeIntervalSince1970: start), end: Date(timeIntervalSince1970: end))
    }

    @Test func overlappingOrNearStartsAreOneConnection() {
        #expect(span(0, 100).isSameConnection(as: span(90, 300)))
        #expect(span(90, 300).isSameConnection(as: span(0, 100)))
        #expect(span(0, 0).isSameConnection(as: span(60, 60)))
        #expect(!span(0, 0).isSameConnection(as: span(60.5, 60.5)))
        #expect(!span(0, 10).isSameConnection(as: span(100, 110)))
        #expect(span(0, 10).isSameConnection(as: span(100, 110), tolerance: 100))
    }

    @Test func aRecordsSpanComesFromStartAndEndOrDurationElseItsTime() {
        let seenAt = Date(timeIntervalSince1970: 500)
        var event = NetworkEvent()
        #expect(ConnectionSpan(of: event, seenAt: seenAt) == span(500, 500))
        event.start = Date(timeIntervalSince1970: 100)
        event.durationNanoseconds = 2_500_000_000
        #expect(ConnectionSpan(of: event, seenAt: seenAt) == span(100, 102.5))
        event.end = Date(timeIntervalSince1970: 110)
        #expect(ConnectionSpan(of: event, seenAt: seenAt) == span(100, 110))
        #expect(span(0, 10).union(span(5, 20)) == span(0, 20))
    }

    @Test func repliesAndSensorNames() {
        var event = NetworkEvent(dataset: "zeek.connection")
        event.destinationBytes = 10
        #expect(event.showsReply)
        event.connectionState = "REJ"
        #expect(!event.showsReply)
        event.connectionState = "SF"
        event.destinationBytes = 0
        #expect(!event.showsReply)
        #expect(event.sensorName == "zeek.connection")
        event.observerHostName = "zeek-hq"
        #expect(event.sensorName == "zeek.connection@zeek-hq")
    }
}
