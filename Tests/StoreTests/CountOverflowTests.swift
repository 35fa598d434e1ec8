import Detection
import Foundation
import Store
import Testing
import TriageModel

/// Byte counts come from logs: totals of attacker-written counts hold at `Int64.max` rather than
/// trapping in the writer or failing every later read of the host.
@Suite("Totals of huge counts")
struct CountOverflowTests {
    @Test func countsThatAddPastTheLargestIntegerHoldAtIt() throws {
        let fixture = try StoreFixture()
        let huge = Int64.max / 2 + 1
        let day = TimeInterval(86_400)
        // Two flows in one batch and one in a later batch, on different days.
        let first = [0, 1].map { smbEvent("10.0.0.1", "8.8.8.8", at: baseTime + Double($0) * day,
                                          bytesOut: huge, bytesIn: huge, line: $0) }
        _ = try fixture.store.insert(first, ingestedAt: baseTime)
        _ = try fixture.store.insert([smbEvent("10.0.0.1", "8.8.8.8", at: baseTime + 2 * day, bytesOut: huge,
                                               bytesIn: huge, line: 2)], ingestedAt: baseTime)

        let host = try #require(fixture.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 1).rows.first)
        #expect(host.bytesOut == .max)
        let destination = try #require(fixture.store.destinations(of: IPAddress("10.0.0.1")!).first)
        #expect(destination.bytesSent == .max && destination.bytesReceived == .max)
        let timeline = try fixture.store.wholeTimeline(of: IPAddress("10.0.0.1")!, bucket: .day)
        #expect(timeline.map(\.bytesOut) == [huge, huge, huge])
        let weekly = try fixture.store.wholeTimeline(of: IPAddress("10.0.0.1")!, bucket: .hour)
        #expect(weekly.saturatingSum(of: \.bytesOut) == .max)
    }

    @Test func ordinaryTotalsStayExact() throws {
        let fixture = try StoreFixture()
        let counts: [Int64] = [9_007_199_254_740_993, 7]  // 2^53 + 1: exact as an integer, not as a double
        _ = try fixture.store.insert(counts.enumerated().map { smbEvent("10.0.0.1", "8.8.8.8", bytesOut: $1, line: $0) },
                                     ingestedAt: baseTime)
        let host = try #require(fixture.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 1).rows.first)
        #expect(host.bytesOut == 9_007_199_254_741_000)
    }

    @Test(arguments: [(Int64.max, Int64(1), Int64.max), (Int64.min, -1, .min), (40, 2, 42), (.max, .min, -1)])
    func saturatingAddition(_ left: Int64, _ right: Int64, _ expected: Int64) {
        #expect(left.saturatingAdding(right) == expected)
    }
}
