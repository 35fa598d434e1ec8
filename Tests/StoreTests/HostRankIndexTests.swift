import Detection
import Foundation
import GRDB
@testable import Store
import Testing
import TestSupport
import TriageModel

/// The hosts list's order read through the rank indexes (`RankedHostWalk`) is exactly the order of
/// `HostRanking.rank` computed from each host's counts, on generated stores, after every kind of
/// write that changes a term: ingest, detection, acknowledging, closing and reopening alerts, case
/// transitions, an exception closing alerts, and a retention prune.
@Suite("Host rank kept in indexes")
struct HostRankIndexTests {
    /// A generated store: `hosts` internal hosts active over 20 days (so some are past the recency
    /// horizon), a few of them with identical records (ties), scans and large transfers.
    private final class Scenario: GeneratedTriageStore {
        let hosts: [String]

        init(seed: UInt64, hosts count: Int = 60) throws {
            hosts = (0..<count).map { "10.1.\($0 / 200).\($0 % 200 + 1)" }
            try super.init(seed: seed)
        }

        /// One batch of records from every host, ingested `day` days after `baseTime`.
        func ingest(day: Double) throws {
            var records: [IngestedEvent] = []
            for (index, host) in hosts.enumerated() where random.next(below: 3) > 0 {
                // Hosts 0..<6 send the same single record: identical counts, so their ranks tie.
                if index < 6 {
                    line += 1
                    records.append(smbEvent(host, "81.2.3.4", at: baseTime.addingTimeInterval(day * 86_400),
                                            bytesOut: 5_000, bytesIn: 100, line: line))
                    continue
                }
                let time = baseTime.addingTimeInterval(day * 86_400 + Double(random.next(below: 86_400)))
                for _ in 0..<(1 + random.next(below: 4)) {
                    line += 1
                    let destination = random.next(below: 4) == 0 ? "10.9.9.\(1 + random.next(below: 3))"
                        : "\(20 + random.next(below: 60)).\(random.next(below: 5)).7.\(1 + random.next(below: 9))"
                    let scan = random.next(below: 5) == 0
                    var record = smbEvent(host, destination, at: time, bytesOut: scan ? 0 : Int64(random.next(below: 80_000_000)),
                                          bytesIn: scan ? 0 : 500, line: line)
                    record.event.connectionState = scan ? "S0" : "SF"
                    records.append(record)
                }
            }
            lastIngest = baseTime.addingTimeInterval(day * 86_400)
            try store.insert(records, ingestedAt: lastIngest)
        }

        /// Ingests days 0, 9 and 20, each detected before the next: hosts on both sides of the
        /// recency horizon.
        func ingestAndDetectThreeDays() throws {
            for day in [0, 9, 20] as [Double] {
                try ingest(day: day)
                try detect()
            }
        }

        /// Ingests and detects days 0, 9 and 20, then resolves the case of the host at `offset`
        /// among those with open alerts, in address order; returns that host.
        func detectAndResolveACase(offset: Int) throws -> HostSummary {
            try ingestAndDetectThreeDays()
            let resolved = try #require(try store.hosts(filter: HostFilter(status: .open), sort: .address, offset: offset,
                                                        limit: 1).rows.first)
            try store.setCaseState(of: resolved.address, to: .resolved, verdict: .duplicate, reason: nil, actor: "ana")
            return resolved
        }

        /// Every page of the list (several sizes, both directions and as the store reads a page
        /// near the end) against every host sorted by `HostRanking.rank`, then ties by address;
        /// and each host's stored `rank_base` against the one its counts give.
        func expectIndexedOrderIsTheRankOrder(_ filter: HostFilter = HostFilter(),
                                              sourceLocation: SourceLocation = #_sourceLocation) throws {
            let all = try store.hosts(filter: filter, sort: .address, offset: 0, limit: 100_000).rows
            // Ties in the store's address order: every IPv4 address before every IPv6 one.
            let expected = all.sorted {
                ($0.ranking.rank, $1.address.storeFamily, $1.address) > ($1.ranking.rank, $0.address.storeFamily, $0.address)
            }.map(\.address)
            #expect(try store.hosts(filter: filter, sort: .attention, offset: 0, limit: all.count + 1).rows.map(\.address)
                    == expected, sourceLocation: sourceLocation)
            for limit in [1, 7, 25] {
                for offset in stride(from: 0, to: all.count, by: limit) {
                    let page = Array(expected[offset..<min(all.count, offset + limit)])
                    #expect(try store.hosts(filter: filter, sort: .attention, offset: offset, limit: limit).rows
                            .map(\.address) == page, sourceLocation: sourceLocation)
                    let reversedPage = Array(expected.reversed()[offset..<min(all.count, offset + limit)])
                    #expect(try store.hosts(filter: filter, sort: .attention, reversed: true, offset: offset, limit: limit)
                            .rows.map(\.address) == reversedPage, sourceLocation: sourceLocation)
                }
            }
            if filter == HostFilter() {
                try expectSkippedPagesAreTheRankOrder(expected, sourceLocation: sourceLocation)
            }
            let stored = try DatabaseQueue(path: fixture.path).read { db in
                try Row.fetchAll(db, sql: "SELECT rank_base, rank_recent FROM host ORDER BY address").map { row in
                    [row[0], row[1]] as [Int64]
                }
            }
            let everyHost = try store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 100_000).rows
            #expect(stored == everyHost.map { host in
                let base = host.ranking.rankBase
                return [base, base + HostRanking.recencyUnitsPerSecond * Int64(host.lastSeen.storeSeconds.rounded(.towardZero))]
            }, sourceLocation: sourceLocation)
        }

        /// The counts of the hosts with open alerts and of those needing attention are the hosts
        /// the unfiltered list shows with open alerts and needing attention.
        func expectFirstViewCountsAreTheHostsShown(sourceLocation: SourceLocation = #_sourceLocation) throws {
            let hosts = try store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 100_000).rows
            #expect(try store.hosts(filter: .attention, sort: .attention, offset: 0, limit: 1).total
                    == hosts.filter(\.needsAttention).count, sourceLocation: sourceLocation)
            #expect(try store.hosts(filter: HostFilter(status: .open), sort: .attention, offset: 0, limit: 1).total
                    == hosts.filter { $0.openAlerts > 0 }.count, sourceLocation: sourceLocation)
        }

        /// Every page of the unfiltered list, both ways round, read with every host before it
        /// skipped by probing (`RankedHostWalk.start`), against `expected`.
        private func expectSkippedPagesAreTheRankOrder(_ expected: [IPAddress], sourceLocation: SourceLocation) throws {
            try DatabaseQueue(path: fixture.path).read { db in
                var walk = RankedHostWalk(newestSecond: try HostRankingSQL.newestSecond(db), conditions: [], arguments: [],
                                          joinsCase: false)
                walk.steppedHosts = 0
                for reversed in [false, true] {
                    let order = reversed ? expected.reversed() : expected
                    for offset in 0..<order.count {
                        #expect(try walk.addresses(db, offset: offset, limit: 3, reversed: reversed).map { SMBStore.address($0) }
                                == Array(order[offset..<min(order.count, offset + 3)]),
                                "from \(offset), reversed \(reversed)", sourceLocation: sourceLocation)
                    }
                }
            }
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func theIndexedOrderIsTheRankOrderAfterEveryWrite(seed: UInt64) throws {
        let scenario = try Scenario(seed: seed)
        // Days 0 to 20: the hosts last active in the first days are past the recency horizon.
        for day in [0, 3, 9, 14] as [Double] {
            try scenario.ingest(day: day)
            try scenario.detect()
        }
        try scenario.ingest(day: 20)
        try scenario.expectIndexedOrderIsTheRankOrder()
        try scenario.detect()
        try scenario.expectIndexedOrderIsTheRankOrder()
        #expect(try scenario.store.hosts(filter: HostFilter(status: .open), sort: .address, offset: 0, limit: 1).total > 20)
        try scenario.expectIndexedOrderIsTheRankOrder(HostFilter(status: .open))
        try scenario.expectIndexedOrderIsTheRankOrder(HostFilter(text: "10.1.0.1"))

        try scenario.store.setStatus(.acknowledged, alertIDs: scenario.alertIDs(.open, every: 3), reason: nil, actor: "ana")
        try scenario.expectIndexedOrderIsTheRankOrder()
        try scenario.store.setStatus(.closed, alertIDs: scenario.alertIDs(.open, every: 4), reason: "benign", actor: "ana")
        try scenario.expectIndexedOrderIsTheRankOrder()
        try scenario.store.setStatus(.open, alertIDs: scenario.alertIDs(.closed, every: 2), reason: nil, actor: "ana")
        try scenario.expectIndexedOrderIsTheRankOrder()

        let cases = try scenario.store.hosts(filter: HostFilter(status: .open), sort: .address, offset: 6, limit: 2).rows
        let (investigated, resolved) = (cases[0].address, cases[1].address)
        try scenario.store.setCaseState(of: investigated, to: .investigating, verdict: nil, reason: nil, actor: "ana")
        try scenario.store.setCaseState(of: resolved, to: .resolved, verdict: .falsePositive, reason: nil, actor: "ana")
        try scenario.expectIndexedOrderIsTheRankOrder()
        try scenario.expectIndexedOrderIsTheRankOrder(HostFilter(caseStates: [.new, .resolved]))
        try scenario.expectIndexedOrderIsTheRankOrder(.attention)

        let item = ExceptionItem(id: "lab", scope: .destination(try IPPrefix(parsing: "20.0.0.0/6")), comment: "lab",
                                 author: "ana", createdAt: baseTime)
        #expect(try !scenario.store.addException(item, closeMatching: true, actor: "ana").closedAlertIDs.isEmpty)
        try scenario.expectIndexedOrderIsTheRankOrder()

        // New records on the resolved host reopen its case and move the newest activity on.
        try scenario.ingest(day: 23)
        try scenario.detect()
        try scenario.expectIndexedOrderIsTheRankOrder()

        try scenario.store.setRetentionPolicy(RetentionPolicy(flowDays: 7, closedAlertDays: 7, auditDays: 365), actor: "ana")
        let report = try scenario.store.prune(at: baseTime.addingTimeInterval(40 * 86_400), actor: "ana")
        #expect(report.flows > 0)
        try scenario.expectIndexedOrderIsTheRankOrder()
    }

    /// Every host active within the recency horizon: the walk of the others' index is skipped.
    @Test func theIndexedOrderIsTheRankOrderWhenNoHostIsIdle() throws {
        let scenario = try Scenario(seed: 5)
        try scenario.ingest(day: 0)
        try scenario.ingest(day: 2)
        try scenario.detect()
        try scenario.store.setStatus(.acknowledged, alertIDs: scenario.alertIDs(.open, every: 2), reason: nil, actor: "ana")
        let hosts = try scenario.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 100_000).rows
        let newest = try #require(hosts.map(\.lastSeen).max())
        #expect(hosts.allSatisfy { newest.timeIntervalSince($0.lastSeen) < HostRanking.recencyHorizon })
        for filter in [HostFilter(), .attention, HostFilter(status: .open), HostFilter(text: "10.1.0.2")] {
            try scenario.expectIndexedOrderIsTheRankOrder(filter)
        }
    }

    /// Hosts of both families with equal ranks, within the recency horizon and past it, come in
    /// the store's address order (IPv4 first) on every page and through every skip, where the
    /// merge of the two sides compares them: as 128-bit values `::7` would sort before IPv4
    /// addresses. Every host but the newest sent to one unanswering Internet address; the recent
    /// ones sent no bytes and were last seen 5 s inside the horizon (5 s of recency: 100 units),
    /// the idle ones sent 12 bytes (10 log2(1 + 12 / 2^20) points: 100 units too).
    @Test func tiesAcrossAddressFamiliesAndSidesFollowTheStoresOrder() throws {
        let scenario = try Scenario(seed: 7, hosts: 0)
        let horizonStart = baseTime.addingTimeInterval(-HostRanking.recencyHorizon)
        let records = [
            ("10.0.0.1", baseTime, 0), ("10.0.0.7", horizonStart.addingTimeInterval(5), 0),
            ("fd00::8", horizonStart.addingTimeInterval(5), 0), ("::7", horizonStart.addingTimeInterval(-86_400), 12),
            ("10.0.0.8", horizonStart.addingTimeInterval(-86_400), 12),
        ]
        try scenario.store.insert(records.enumerated().map { index, record in
            smbEvent(record.0, record.0 == "10.0.0.1" ? "10.9.9.9" : "81.2.3.4", at: record.1, bytesOut: Int64(record.2), bytesIn: 0, line: index + 1)
        }, ingestedAt: baseTime)
        let hosts = try scenario.store.hosts(filter: HostFilter(), sort: .attention, offset: 0, limit: 100).rows
        #expect(hosts.map(\.address.description) == ["10.0.0.1", "10.0.0.7", "10.0.0.8", "::7", "fd00::8"])
        #expect(Set(hosts.dropFirst().map(\.ranking.rank)).count == 1)
        try scenario.expectIndexedOrderIsTheRankOrder()
    }

    /// An unfiltered page reads the rank indexes alone, never a host row on its way (a page in
    /// the middle of 100 k hosts would otherwise look up 50 k rows).
    @Test func anUnfilteredWalkReadsItsIndexAlone() throws {
        let scenario = try Scenario(seed: 6)
        try scenario.ingest(day: 0)
        let walk = RankedHostWalk(newestSecond: 0, conditions: [], arguments: [], joinsCase: false)
        for (isRecent, index) in [(true, "host_rank_recent"), (false, "host_rank_base")] {
            for reversed in [false, true] {
                let plan = try DatabaseQueue(path: scenario.fixture.path).read { db in
                    try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN "
                                         + walk.sql(RankedHostWalk.Side(isRecent: isRecent, throughLastSeen: false), reversed: reversed),
                                     arguments: [0, 0, 50, 0]).map { $0["detail"] as String }
                }
                #expect(plan == ["SCAN h USING COVERING INDEX \(index)"])
            }
        }
    }

    /// A side of the recency horizon with few hosts is found through `host_last_seen`, a range of
    /// its entries, not by stepping through the other side's entries in a rank index.
    @Test func aSideWithFewHostsIsFoundThroughTheLastActivityIndex() throws {
        let scenario = try Scenario(seed: 6)
        try scenario.ingest(day: 0)
        let walk = RankedHostWalk(newestSecond: 0, conditions: [], arguments: [], joinsCase: false)
        for (isRecent, range) in [(true, "last_seen>?"), (false, "last_seen<?")] {
            let plan = try DatabaseQueue(path: scenario.fixture.path).read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + walk.sql(RankedHostWalk.Side(isRecent: isRecent, throughLastSeen: true), reversed: false),
                                 arguments: [0, 0, 50, 0]).map { $0["detail"] as String }
            }
            #expect(plan.first == "SEARCH h USING INDEX host_last_seen (\(range))")
        }
    }

    /// Every page read with each side of the horizon walked through its rank index and with each
    /// side found through `host_last_seen` and sorted is the same page, filtered or not, both ways
    /// round, with hosts on both sides.
    @Test(arguments: [1, 2] as [UInt64])
    func bothWaysOfReadingASideGiveTheSamePages(seed: UInt64) throws {
        let scenario = try Scenario(seed: seed)
        try scenario.ingestAndDetectThreeDays()
        try scenario.store.setStatus(.acknowledged, alertIDs: scenario.alertIDs(.open, every: 3), reason: nil, actor: "ana")
        let hosts = try scenario.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 100_000).rows
        let newest = try #require(hosts.map(\.lastSeen).max())
        let staleHosts = hosts.filter { newest.timeIntervalSince($0.lastSeen) >= HostRanking.recencyHorizon }.count
        #expect(staleHosts > 5 && hosts.count - staleHosts > 5)
        try DatabaseQueue(path: scenario.fixture.path).read { db in
            let newestSecond = try HostRankingSQL.newestSecond(db)
            for conditions in [[], ["h.open_alerts > 0"], ["h.acknowledged_alerts > ?"]] {
                let arguments: StatementArguments = conditions.first?.contains("?") == true ? [0] : []
                func page(fewHosts: Int, steppedHosts: Int = 64, offset: Int, limit: Int, reversed: Bool) throws -> [Data] {
                    var walk = RankedHostWalk(newestSecond: newestSecond, conditions: conditions, arguments: arguments,
                                              joinsCase: false)
                    walk.fewHosts = fewHosts
                    walk.steppedHosts = steppedHosts
                    return try walk.addresses(db, offset: offset, limit: limit, reversed: reversed)
                }
                for reversed in [false, true] {
                    let everyHost = try page(fewHosts: 0, offset: 0, limit: hosts.count, reversed: reversed)
                    #expect(everyHost.count > 5)
                    #expect(try page(fewHosts: hosts.count, offset: 0, limit: hosts.count, reversed: reversed) == everyHost)
                    for (offset, limit) in [(0, 7), (5, 11), (everyHost.count - 3, 7)] {
                        let expected = Array(everyHost[offset..<min(everyHost.count, offset + limit)])
                        for fewHosts in [0, staleHosts, hosts.count] {
                            #expect(try page(fewHosts: fewHosts, offset: offset, limit: limit, reversed: reversed) == expected,
                                    "\(conditions) from \(offset), few \(fewHosts), reversed \(reversed)")
                        }
                    }
                    // Every host before a page skipped by probing, however the sides are read.
                    for offset in 0..<everyHost.count {
                        let expected = Array(everyHost[offset..<min(everyHost.count, offset + 5)])
                        for fewHosts in [0, staleHosts, hosts.count] {
                            #expect(try page(fewHosts: fewHosts, steppedHosts: 0, offset: offset, limit: 5, reversed: reversed)
                                    == expected, "\(conditions) skipped to \(offset), few \(fewHosts), reversed \(reversed)")
                        }
                    }
                }
            }
        }
    }

    /// From the store before v16: the ranks are computed from the counts and the case, whatever
    /// the rank columns held.
    @Test func theSlimHostMigrationRanksEveryHostFromItsCounts() throws {
        let scenario = try Scenario(seed: 7)
        let resolved = try scenario.detectAndResolveACase(offset: 2)
        _ = try scenario.store.addCaseNote(to: resolved.address, text: "seen before", actor: "ana")
        let hosts = try scenario.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 100_000).rows
        let hostCase = try scenario.store.hostCase(resolved.address)
        try DatabaseQueue(path: scenario.fixture.path).write { db in
            try rollBackToVersion17(db)
            try db.execute(sql: rollbackToVersion15)
            try db.execute(sql: "UPDATE host SET rank_base = 0, rank_recent = 0")
            #expect(try db.columns(in: "host").contains { $0.name == "address_text" })
        }
        scenario.store = try scenario.fixture.store(running: .bundled())
        let (version, columns) = try DatabaseQueue(path: scenario.fixture.path).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version"), try db.columns(in: "host").map(\.name))
        }
        #expect(version == 21 && !columns.contains("address_text"))
        #expect(try scenario.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 100_000).rows == hosts)
        #expect(try scenario.store.hostCase(resolved.address) == hostCase)
        try scenario.expectIndexedOrderIsTheRankOrder()
        // The case triggers set the rank with the flag.
        try scenario.store.setCaseState(of: resolved.address, to: .investigating, verdict: nil, reason: nil, actor: "ana")
        try scenario.expectIndexedOrderIsTheRankOrder()
    }

    @Test func theMigrationRanksTheHostsOfAStoreThePreviousSchemaMade() throws {
        let scenario = try Scenario(seed: 4)
        _ = try scenario.detectAndResolveACase(offset: 1)
        let hosts = try scenario.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 100_000).rows
        let alerts = try scenario.store.alerts(AlertQuery(), offset: 0, limit: 100_000).rows
        try DatabaseQueue(path: scenario.fixture.path).write { db in
            try rollBack(db, rollbackToVersion8)
            #expect(try !db.columns(in: "host").contains { $0.name == "rank_base" })
        }

        scenario.store = try scenario.fixture.store(running: .bundled())
        #expect(try DatabaseQueue(path: scenario.fixture.path).read { db in
            try Int.fetchOne(db, sql: "PRAGMA user_version")
        } == 21)
        #expect(try scenario.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 100_000).rows == hosts)
        #expect(try scenario.store.alerts(AlertQuery(), offset: 0, limit: 100_000).rows == alerts)
        try scenario.expectIndexedOrderIsTheRankOrder()
    }

    /// The hosts with open alerts and the hosts needing attention, counted from `host_alerted` and
    /// the cases, are the hosts the unfiltered list shows with open alerts and needing attention:
    /// with a case being investigated on a host without alerts (counted though not alerted) and a
    /// resolved case on a host with acknowledged alerts only (alerted though not counted), after
    /// alerts change status, a prune, and the v19 upgrade of a store the previous schema made.
    @Test func theFirstViewsCountTheirHostsFromTheAlertedIndex() throws {
        let scenario = try Scenario(seed: 8)
        try scenario.ingestAndDetectThreeDays()
        try scenario.expectFirstViewCountsAreTheHostsShown()
        try scenario.store.setStatus(.acknowledged, alertIDs: scenario.alertIDs(.open, every: 2), reason: nil, actor: "ana")
        try scenario.store.setStatus(.closed, alertIDs: scenario.alertIDs(.open, every: 3), reason: "benign", actor: "ana")
        let hosts = try scenario.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 100_000).rows
        let quiet = try #require(hosts.first { $0.openAlerts == 0 && $0.acknowledgedAlerts == 0 })
        let acknowledgedOnly = try #require(hosts.first { $0.openAlerts == 0 && $0.acknowledgedAlerts > 0 })
        try scenario.store.setCaseState(of: quiet.address, to: .investigating, verdict: nil, reason: nil, actor: "ana")
        try scenario.store.setCaseState(of: acknowledgedOnly.address, to: .resolved, verdict: .duplicate, reason: nil,
                                        actor: "ana")
        let shown = try scenario.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 100_000).rows
        #expect(shown.first { $0.address == quiet.address }?.needsAttention == true)
        #expect(shown.first { $0.address == acknowledgedOnly.address }?.needsAttention == false)
        try scenario.expectFirstViewCountsAreTheHostsShown()

        try DatabaseQueue(path: scenario.fixture.path).write { db in
            try db.execute(sql: rollbackToVersion18)
            #expect(try !db.indexes(on: "host").contains { $0.name == "host_alerted" })
        }
        scenario.store = try scenario.fixture.store(running: .bundled())
        try scenario.expectFirstViewCountsAreTheHostsShown()
        try scenario.store.setRetentionPolicy(RetentionPolicy(flowDays: 7, closedAlertDays: 7, auditDays: 365), actor: "ana")
        _ = try scenario.store.prune(at: baseTime.addingTimeInterval(40 * 86_400), actor: "ana")
        try scenario.expectFirstViewCountsAreTheHostsShown()

        let plans = try DatabaseQueue(path: scenario.fixture.path).read { db in
            try [HostFilter(status: .open), .attention].map { filter in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + #require(SMBStore.hostCountSQL(filter))).map { $0["detail"] as String }
            }
        }
        for plan in plans {
            #expect(plan.contains { $0.contains("COVERING INDEX host_alerted") }, "\(plan)")
        }
    }
}
