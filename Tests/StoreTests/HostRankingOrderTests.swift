import Detection
import Foundation
import Store
import Testing
import TriageModel

/// The hosts list's default order is `HostRanking.score` over what the store counted: bytes out
/// to a destination new for the host rank above a scan nobody answered, which ranks above the
/// same bytes to a destination the host always used.
@Suite("Host ranking in the store")
struct HostRankingOrderTests {
    /// A TCP 445 record from `source` to `destination`, `minutes` after `baseTime`.
    private func flow(_ source: String, _ destination: String, minutes: Double, bytesOut: Int64, bytesIn: Int64,
                      state: String? = nil, line: Int) -> IngestedEvent {
        var ingested = smbEvent(source, destination, at: baseTime.addingTimeInterval(minutes * 60), bytesOut: bytesOut,
                                bytesIn: bytesIn, line: line)
        ingested.event.connectionState = state
        return ingested
    }

    @Test func newDestinationBytesRankFirstThenTheScanThenTheUsualBackup() throws {
        let fixture = try StoreFixture()
        var records: [IngestedEvent] = []
        // Each host has an internal file server from the start of the day.
        for (index, host) in ["10.0.0.1", "10.0.0.2", "10.0.0.3"].enumerated() {
            records.append(flow(host, "10.9.9.9", minutes: 0, bytesOut: 1_000, bytesIn: 1_000, line: 100 + index))
        }
        // 10.0.0.1 sends 300 MB to an address it first contacts hours later.
        records.append(flow("10.0.0.1", "45.146.164.110", minutes: 240, bytesOut: 300_000_000, bytesIn: 90_000, line: 1))
        // 10.0.0.2 scans 40 addresses; none answers.
        for index in 0..<40 {
            records.append(flow("10.0.0.2", "81.2.\(index).9", minutes: 300, bytesOut: 0, bytesIn: 0, state: "S0",
                                line: 200 + index))
        }
        // 10.0.0.3 backs up 300 MB to the share it has used since the start of the day.
        records.append(flow("10.0.0.3", "20.60.152.36", minutes: 1, bytesOut: 150_000_000, bytesIn: 80_000, line: 3))
        records.append(flow("10.0.0.3", "20.60.152.36", minutes: 240, bytesOut: 150_000_000, bytesIn: 80_000, line: 4))
        try fixture.store.insert(records, ingestedAt: baseTime)
        _ = try fixture.store(running: RuleCatalog(fixture.rule(maxSignals: 1000))).detectUntilNothingPending(at: baseTime)

        let hosts = try fixture.store.hosts(filter: HostFilter(), sort: .attention, offset: 0, limit: 10).rows
        #expect(hosts.map(\.address.description) == ["10.0.0.1", "10.0.0.2", "10.0.0.3"])
        #expect(hosts.map { $0.ranking.reason(size: { "<\($0) bytes>" }) } == [
            "<300000000 bytes> to 1 new destination; 1 open alert",
            "SYN to 40 destinations, 0 replies; 40 open alerts",
            "<300000000 bytes> to 1 external destination; 2 open alerts",
        ])
        // The reversed page reads the same order backwards.
        let last = try fixture.store.hosts(filter: HostFilter(), sort: .attention, offset: 2, limit: 1).rows
        #expect(last.map(\.address.description) == ["10.0.0.3"])
    }

    @Test func aDestinationThatAnswersLaterLeavesTheUnansweredCount() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([flow("10.0.0.2", "81.2.3.4", minutes: 0, bytesOut: 0, bytesIn: 0, state: "S0", line: 1)],
                                 ingestedAt: baseTime)
        #expect(try fixture.store.hosts(filter: HostFilter(), sort: .attention, offset: 0, limit: 1).rows.first?
            .ranking.unansweredDestinations == 1)
        try fixture.store.insert([flow("10.0.0.2", "81.2.3.4", minutes: 5, bytesOut: 900, bytesIn: 4_000, line: 2)],
                                 ingestedAt: baseTime)
        #expect(try fixture.store.hosts(filter: HostFilter(), sort: .attention, offset: 0, limit: 1).rows.first?
            .ranking.unansweredDestinations == 0)
    }

    @Test func aResolvedCaseSinksBelowHostsStillToTriage() throws {
        let fixture = try StoreFixture()
        try fixture.store.insert([
            flow("10.0.0.1", "45.146.164.110", minutes: 0, bytesOut: 300_000_000, bytesIn: 90_000, line: 1),
            flow("10.0.0.2", "81.2.3.4", minutes: 0, bytesOut: 1_000, bytesIn: 1_000, line: 2),
        ], ingestedAt: baseTime)
        _ = try fixture.store.detectUntilNothingPending(at: baseTime)
        let order = { try fixture.store.hosts(filter: HostFilter(), sort: .attention, offset: 0, limit: 10).rows }
        #expect(try order().map(\.address.description) == ["10.0.0.1", "10.0.0.2"])

        try fixture.store.setCaseState(of: IPAddress("10.0.0.1")!, to: .resolved, verdict: .benignTruePositive,
                                       reason: nil, actor: "ana")
        let resolved = try order()
        #expect(resolved.map(\.address.description) == ["10.0.0.2", "10.0.0.1"])
        #expect(resolved.last?.ranking.isResolvedCase == true)
        #expect(resolved.last?.ranking.reason(size: { "\($0)" }).contains("case resolved") == true)
    }
}
