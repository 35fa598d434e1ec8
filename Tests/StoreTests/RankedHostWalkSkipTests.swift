import Foundation
import GRDB
@testable import Store
import Synchronization
import Testing

/// Skipping the hosts before a deep page when one side of the recency horizon is far smaller
/// than the page's offset: the small side is found in a few probes, not one per host between.
@Suite("Host list: skipping to a deep page")
struct RankedHostWalkSkipTests {
    @Test func aSideFarSmallerThanTheOffsetIsFoundInAFewProbes() throws {
        let fixture = try StoreFixture()
        let lastActive = baseTime + 30 * 86_400
        let idle = (0..<1_500).map { smbEvent("10.1.\($0 / 250).\($0 % 250 + 1)", "10.9.0.1", line: $0) }
        let active = (0..<12).map { smbEvent("10.2.0.\($0 + 1)", "10.9.0.1", at: lastActive, line: 10_000 + $0) }
        _ = try fixture.store.insert(idle + active, ingestedAt: lastActive)
        try DatabaseQueue(path: fixture.path).read { db in
            var walk = RankedHostWalk(newestSecond: try HostRankingSQL.newestSecond(db), conditions: [], arguments: [],
                                      joinsCase: false)
            walk.fewHosts = 0
            let everyHost = try walk.addresses(db, offset: 0, limit: 2_000, reversed: false)
            #expect(everyHost.count == 1_512)
            walk.steppedHosts = 0
            for offset in [700, 1_000, 1_505] {
                let statements = Mutex(0)
                db.trace { _ in statements.withLock { $0 += 1 } }
                let page = try walk.addresses(db, offset: offset, limit: 5, reversed: false)
                db.trace(options: [])
                #expect(page == Array(everyHost[offset..<min(everyHost.count, offset + 5)]))
                // Shortened by one host a probe, the recent side's 12 hosts took about 0.45 × offset probes.
                #expect(statements.withLock { $0 } < 40, "from \(offset)")
            }
        }
    }
}
