import Detection
import Foundation
import GRDB
@testable import Store
import Testing
import TestSupport
import TriageModel

/// A host's alert list read through `connection_alert_group` (`connectionAlerts`) is exactly the
/// list grouped from every alert on each read (`scannedConnectionAlerts`): the same rows, order and
/// counts for every host and status filter, reversed too (`I`: the forward list reversed, page by
/// page), on generated stores, after every kind of write that changes a group, and after the v10
/// migration of a store the previous schema made.
@Suite("Connection groups kept for the host's alert list")
struct ConnectionGroupTests {
    /// A generated store of six hosts' connections seen by several sensors.
    private final class Scenario: SensorConnectionsStore {
        init(seed: UInt64) throws {
            try super.init(seed: seed, hosts: (0..<6).map { IPAddress("10.3.0.\($0 + 1)")! })
        }

        /// Every host's list, whole, in pages and past its end, for every status filter: the grouped
        /// walk against the scan. Returns how many alerts the hosts' unfiltered lists hold.
        @discardableResult
        func expectGroupsAreTheScan(sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
            var alerts = 0
            for host in hosts {
                for status in [nil] + AlertStatus.allCases {
                    let query = AlertQuery(status: status, host: host)
                    let whole = try store.connectionAlerts(query, offset: 0, limit: 10_000)
                    if status == nil { alerts += whole.alerts }
                    #expect(whole.connections == whole.rows.count, sourceLocation: sourceLocation)
                    for (offset, limit) in [(0, 10_000), (0, 3), (3, 3), (whole.rows.count - 1, 3), (whole.rows.count + 5, 3)]
                    where offset >= 0 {
                        #expect(try store.connectionAlerts(query, offset: offset, limit: limit)
                                == store.scannedConnectionAlerts(query, offset: offset, limit: limit),
                                "\(host) \(status?.rawValue ?? "any") at \(offset)", sourceLocation: sourceLocation)
                    }
                    let toDestination = AlertQuery(status: status, host: host, destination: whole.rows.first?.flow.event.destinationIPs.first)
                    for query in [query, toDestination] {
                        try expectReversedPagesAreTheListReversed(query, sourceLocation: sourceLocation)
                    }
                }
            }
            return alerts
        }

        /// The list `query` selects read reversed in pages of 3 is the forward list reversed, with
        /// the same counts on every page, the walk's pages the scan's.
        func expectReversedPagesAreTheListReversed(_ query: AlertQuery, sourceLocation: SourceLocation) throws {
            let whole = try store.connectionAlerts(query, offset: 0, limit: 10_000)
            var reversedRows: [ConnectionAlerts] = []
            for offset in stride(from: 0, through: whole.rows.count, by: 3) {
                let page = try store.connectionAlerts(query, reversed: true, offset: offset, limit: 3)
                #expect(page.connections == whole.connections && page.alerts == whole.alerts, sourceLocation: sourceLocation)
                #expect(try page == store.scannedConnectionAlerts(query, reversed: true, offset: offset, limit: 3),
                        "\(query) at \(offset)", sourceLocation: sourceLocation)
                reversedRows += page.rows
            }
            #expect(reversedRows == whole.rows.reversed(), "\(query)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [1, 2] as [UInt64])
    func theGroupsAreTheScanAfterEveryWrite(seed: UInt64) throws {
        let scenario = try Scenario(seed: seed)
        for day in [0, 1, 2] as [Double] {
            try scenario.ingest(day: day)
            try scenario.detect()
        }
        let detected = try scenario.expectGroupsAreTheScan()
        #expect(try detected == scenario.store.alerts(AlertQuery(), offset: 0, limit: 100_000).total && detected > 20)

        try scenario.store.setStatus(.acknowledged, alertIDs: scenario.alertIDs(.open, every: 3), reason: nil, actor: "ana")
        try scenario.expectGroupsAreTheScan()
        try scenario.store.setStatus(.closed, alertIDs: scenario.alertIDs(.open, every: 4), reason: "false positive",
                                     actor: "ana")
        try scenario.expectGroupsAreTheScan()
        try scenario.store.setStatus(.open, alertIDs: scenario.alertIDs(.closed, every: 2), reason: nil, actor: "ana")
        try scenario.expectGroupsAreTheScan()

        for id in try scenario.alertIDs(.open, every: 5) + scenario.alertIDs(.acknowledged, every: 2) {
            _ = try scenario.store.addNote(alertID: id, text: "seen", actor: "ana")
        }
        let noted = try scenario.store.connectionAlerts(AlertQuery(host: scenario.hosts[0]), offset: 0, limit: 10_000)
        #expect(noted.rows.contains { $0.noteCount > 0 })
        try scenario.expectGroupsAreTheScan()

        let item = ExceptionItem(id: "lab", scope: .destination(try IPPrefix(parsing: "81.2.1.0/24")), comment: "lab",
                                 author: "ana", createdAt: baseTime)
        #expect(try !scenario.store.addException(item, closeMatching: true, actor: "ana").closedAlertIDs.isEmpty)
        try scenario.expectGroupsAreTheScan()

        try scenario.store.setCaseState(of: scenario.hosts[1], to: .resolved, verdict: .truePositive, reason: nil,
                                        actor: "ana")
        try scenario.expectGroupsAreTheScan()

        // New alerts on the resolved host reopen its case.
        try scenario.ingest(day: 30)
        try scenario.detect()
        try scenario.expectGroupsAreTheScan()

        try scenario.store.setRetentionPolicy(RetentionPolicy(flowDays: 7, closedAlertDays: 7, auditDays: 365),
                                              actor: "ana")
        // Closed alerts age from their last change (now), so the prune runs a month from now.
        let report = try scenario.store.prune(at: Date().addingTimeInterval(30 * 86_400), actor: "ana")
        #expect(report.closedAlerts > 0)
        let kept = try scenario.expectGroupsAreTheScan()
        #expect(try kept == scenario.store.alerts(AlertQuery(), offset: 0, limit: 100_000).total)
    }

    @Test func anAlertsRecordMovingToAnotherConnectionMovesItsAlert() throws {
        let scenario = try Scenario(seed: 3)
        try scenario.ingest(day: 0)
        try scenario.detect()
        let host = scenario.hosts[0]
        let before = try scenario.store.connectionAlerts(AlertQuery(host: host), offset: 0, limit: 10_000)
        let moved = try #require(before.rows.last?.alertIDs.first)
        try DatabaseQueue(path: scenario.fixture.path).write { db in
            try db.execute(sql: """
                UPDATE event SET connection_id = (SELECT max(id) FROM connection)
                WHERE id = (SELECT event_id FROM alert WHERE id = ?)
                """, arguments: [moved])
        }
        let after = try scenario.store.connectionAlerts(AlertQuery(host: host), offset: 0, limit: 10_000)
        #expect(after != before)
        try scenario.expectGroupsAreTheScan()
    }

    @Test func theMigrationGroupsTheAlertsOfAStoreThePreviousSchemaMade() throws {
        let scenario = try Scenario(seed: 4)
        for day in [0, 1] as [Double] {
            try scenario.ingest(day: day)
            try scenario.detect()
        }
        try scenario.store.setStatus(.closed, alertIDs: scenario.alertIDs(.open, every: 3), reason: "duplicate",
                                     actor: "ana")
        _ = try scenario.store.addNote(alertID: try #require(scenario.alertIDs(.open, every: 1).first), text: "look",
                                       actor: "ana")
        let lists = try scenario.hosts.map { try scenario.store.connectionAlerts(AlertQuery(host: $0), offset: 0, limit: 10_000) }
        try DatabaseQueue(path: scenario.fixture.path).write { db in
            try rollBack(db, rollbackToVersion9)
            #expect(try !db.tableExists("connection_alert_group"))
        }

        scenario.store = try scenario.fixture.store(running: .bundled())
        #expect(try DatabaseQueue(path: scenario.fixture.path).read { db in
            try Int.fetchOne(db, sql: "PRAGMA user_version")
        } == 21)
        #expect(try scenario.hosts.map { try scenario.store.connectionAlerts(AlertQuery(host: $0), offset: 0, limit: 10_000) }
                == lists)
        try scenario.expectGroupsAreTheScan()
    }

    /// The plans SQLite makes for finding a group's alerts: in a group's trigger (bound values) and
    /// under a page's row (its group's columns). A plan through `alert_host_time` walks every alert of
    /// the host for each alert stored, so an execution slows down as its busiest hosts grow.
    @Test func aGroupsAlertsAreFoundThroughTheConnectionAndHostIndex() throws {
        let scenario = try Scenario(seed: 5)
        try scenario.ingest(day: 0)
        try scenario.detect()
        let group = ConnectionGroupSQL.self
        let plans = try DatabaseQueue(path: scenario.fixture.path).read { db in
            try [
                (group.insert(status: "?3", where: group.alerts("a", host: "?1", key: "?2", status: "?3"),
                              groupBy: "a.connection_key"),
                 [scenario.hosts[0].storeBlob, 1, "open"] as StatementArguments),
                ("""
                 SELECT (SELECT group_concat(x.id || ':' || x.status) FROM alert x WHERE \(group.alerts("x", host: "g.host", key: "g.connection_key",
                                                                           status: "g.status")))
                 FROM connection_alert_group g WHERE g.host = ? AND g.status = ?
                 """, [scenario.hosts[0].storeBlob, group.anyStatus]),
            ].map { sql, arguments in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)", arguments: arguments).map { $0["detail"] as String }
            }
        }
        for plan in plans {
            #expect(plan.contains { $0.contains("INDEX alert_connection (connection_key=? AND host=?)") }, "\(plan)")
            #expect(!plan.contains { $0.contains("alert_host_time") }, "\(plan)")
        }
    }

    @Test func theMigrationIndexesAConnectionsAlertsByHostInAStoreThePreviousSchemaMade() throws {
        let scenario = try Scenario(seed: 6)
        try scenario.ingest(day: 0)
        try scenario.detect()
        func indexedColumns() throws -> [String] {
            try DatabaseQueue(path: scenario.fixture.path).read { db in
                try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info('alert_connection') ORDER BY seqno")
            }
        }
        let lists = try scenario.hosts.map { try scenario.store.connectionAlerts(AlertQuery(host: $0), offset: 0, limit: 10_000) }
        try DatabaseQueue(path: scenario.fixture.path).write { db in try rollBack(db, rollbackToVersion12) }
        #expect(try indexedColumns() == ["connection_key", "status"])

        scenario.store = try scenario.fixture.store(running: .bundled())
        #expect(try indexedColumns() == ["connection_key", "host", "status"])
        #expect(try scenario.hosts.map { try scenario.store.connectionAlerts(AlertQuery(host: $0), offset: 0, limit: 10_000) }
                == lists)
        try scenario.ingest(day: 1)
        try scenario.detect()
        try scenario.expectGroupsAreTheScan()
    }

    @Test func newAlertsJoinTheGroupsOfAStoreThePreviousSchemaMade() throws {
        let scenario = try Scenario(seed: 5)
        try scenario.ingest(day: 0)
        try scenario.detect()
        try scenario.store.setStatus(.acknowledged, alertIDs: scenario.alertIDs(.open, every: 2), reason: nil, actor: "ana")
        try DatabaseQueue(path: scenario.fixture.path).write { db in try rollBack(db, rollbackToVersion13) }

        scenario.store = try scenario.fixture.store(running: .bundled())
        let (version, triggers) = try DatabaseQueue(path: scenario.fixture.path).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'alert'"))
        }
        #expect(version == 21 && !triggers.isEmpty && triggers.allSatisfy { !$0.hasSuffix("_on_alert_insert") })
        let before = try scenario.expectGroupsAreTheScan()
        try scenario.ingest(day: 1)
        try scenario.detect()
        #expect(try scenario.expectGroupsAreTheScan() > before)
    }

    /// A row of one alert is read from that alert (its id is the group's newest in the page's
    /// index): the page leaves the group's own row unread, one page from the disk fewer per row.
    @Test func aRowOfOneAlertIsReadFromTheAlertNotItsGroupsRow() throws {
        let scenario = try Scenario(seed: 3)
        try scenario.ingest(day: 0)
        try scenario.detect()
        for id in try scenario.alertIDs(.open, every: 2) {
            _ = try scenario.store.addNote(alertID: id, text: "seen", actor: "ana")
        }
        try scenario.store.setStatus(.closed, alertIDs: scenario.alertIDs(.open, every: 3), reason: "benign", actor: "ana")
        // Every host's first page, unfiltered and of each status.
        func pages() throws -> [ConnectionPage] {
            try scenario.hosts.flatMap { host in
                try ([nil] + AlertStatus.allCases).map { status in
                    try scenario.store.connectionAlerts(AlertQuery(status: status, host: host), offset: 0, limit: 100)
                }
            }
        }
        let before = try pages()
        let single = try DatabaseQueue(path: scenario.fixture.path).write { db in
            try db.execute(sql: "UPDATE connection_alert_group SET first_id = -1, risk = -1, notes = -1 WHERE size = 1")
            return db.changesCount
        }
        #expect(single > 10)
        #expect(before.flatMap(\.rows).contains { $0.alertIDs.count == 1 && $0.noteCount > 0 })
        #expect(before.flatMap(\.rows).contains { $0.alertIDs.count > 1 })
        #expect(try pages() == before)
    }

    @Test func anAlertWhoseRecordHasNoConnectionIsAGroupOfItsOwn() throws {
        let scenario = try Scenario(seed: 6)
        try scenario.ingest(day: 0)
        try DatabaseQueue(path: scenario.fixture.path).write { db in
            try db.execute(sql: "UPDATE event SET connection_id = NULL WHERE id % 3 = 0")
        }
        try scenario.detect()
        let unlinked = try DatabaseQueue(path: scenario.fixture.path).read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.id, a.connection_key FROM alert a JOIN event e ON e.id = a.event_id
                WHERE e.connection_id IS NULL
                """)
        }
        #expect(!unlinked.isEmpty && unlinked.allSatisfy { ($0[1] as Int64) == -($0[0] as Int64) })
        try scenario.expectGroupsAreTheScan()
    }
}
