import Detection
import Foundation
import GRDB
import TriageModel

extension SMBStore {
    public func hosts(filter: HostFilter, sort: HostSort, reversed: Bool, offset: Int, limit: Int) throws -> Page<HostSummary> {
        let (conditions, arguments) = Self.conditions(filter)
        let whereClause = Self.whereClause(conditions)
        let hosts = "host h LEFT JOIN host_case c ON c.host = h.address"
        let joinsCase = filter.caseStates != nil || filter.needsAttention
        // Counting every host needs no look-up of its case (SQLite keeps the join otherwise).
        let counted = joinsCase ? hosts : "host h"
        return try read { db in
            let total = try Self.hostCountSQL(filter).map { try Int.fetchOne(db, sql: $0) ?? 0 }
                ?? Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(counted) \(whereClause)", arguments: arguments) ?? 0
            let window = PageWindow(offset: offset, limit: limit, total: total)
            let newestSecond = try HostRankingSQL.newestSecond(db)
            let isReversed = window.isReversed != reversed
            // The page's addresses first, then their rows: ordering reads the order's columns
            // alone, never a host's case or checklist (the middle page by bytes out sorted every
            // host's whole row).
            let addresses: [Data]
            if let order = Self.columnOrder(sort, reversed: isReversed) {
                addresses = try Data.fetchAll(db.cachedStatement(sql: "SELECT h.address FROM \(counted) \(whereClause) ORDER BY \(order) LIMIT ? OFFSET ?"),
                                              arguments: arguments + [window.limit, window.offset])
            } else {
                let walk = RankedHostWalk(newestSecond: newestSecond, conditions: conditions, arguments: arguments,
                                          joinsCase: joinsCase)
                addresses = try walk.addresses(db, offset: window.offset, limit: window.limit, reversed: isReversed)
            }
            // Cached: a page's statement differs only by its number of rows.
            let found = try Row.fetchAll(db.cachedStatement(sql: """
                \(Self.summaryColumns) WHERE h.address IN (\(addresses.map { _ in "?" }.joined(separator: ", ")))
                """), arguments: StatementArguments([newestSecond.databaseValue] + addresses.map(\.databaseValue))).map(Self.hostSummary)
            let byAddress = Dictionary(found.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
            let rows = addresses.compactMap { byAddress[Self.address($0)] }
            return Page(rows: window.isReversed ? rows.reversed() : rows, total: total)
        }
    }

    public func host(_ address: IPAddress) throws -> HostSummary? {
        try read { db in
            let newestSecond = try HostRankingSQL.newestSecond(db)
            return try Row.fetchOne(db, sql: "\(Self.summaryColumns) WHERE h.address = ?",
                                    arguments: [newestSecond, address.storeBlob]).map(Self.hostSummary)
        }
    }

    /// The columns `hostSummary` reads, from the host and its case (aliases `h` and `c`); the one
    /// argument is `HostRankingSQL.newestSecond`, which a host's idle time is measured against.
    private static let summaryColumns = """
        SELECT address, host_name, open_alerts, acknowledged_alerts, closed_alerts, external_destinations,
               bytes_out, first_seen, last_seen, highest_risk, new_destination_bytes, unanswered_destinations,
               new_destinations, ? - \(HostRankingSQL.lastSeenSeconds) AS idle, \(caseProgressColumns)
        FROM host h LEFT JOIN host_case c ON c.host = h.address
        """

    public func hostPositions(matching text: String, filter: HostFilter, sort: HostSort, reversed: Bool) throws -> [Int] {
        guard !text.isEmpty else { return [] }
        let (conditions, arguments) = Self.conditions(filter)
        return try read { db in
            let newestSecond = try HostRankingSQL.newestSecond(db)
            let order = Self.columnOrder(sort, reversed: reversed)
                ?? "\(HostRankingSQL.rank(newestSecond: newestSecond)) \(reversed ? "ASC" : "DESC"), address \(reversed ? "DESC" : "ASC")"
            return try Int.fetchAll(db, sql: ListSearchSQL.positions("""
                SELECT row_number() OVER (ORDER BY \(order)) - 1 AS position,
                       smbtriage_address(address) || ' ' || coalesce(host_name, '') AS searched
                FROM host h LEFT JOIN host_case c ON c.host = h.address
                \(Self.whereClause(conditions))
                """), arguments: arguments + [text])
        }
    }

    /// The conditions (aliases `h` for the host, `c` for its case) and their arguments for `filter`.
    private static func conditions(_ filter: HostFilter) -> ([String], StatementArguments) {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if !filter.text.isEmpty {
            conditions.append("(instr(smbtriage_address(h.address), lower(?)) > 0 OR instr(lower(coalesce(host_name, '')), lower(?)) > 0)")
            arguments += [filter.text, filter.text]
        }
        if let status = filter.status {
            conditions.append("\(alertCountColumn(status)) > 0")
        }
        if let states = filter.caseStates {
            let names = states.map(\.rawValue).sorted()
            conditions.append("\(isCase) AND coalesce(c.state, '\(CaseState.new.rawValue)') IN "
                              + "(\(names.map { _ in "?" }.joined(separator: ", ")))")
            arguments += StatementArguments(names)
        }
        if filter.needsAttention {
            conditions.append(needsAttention)
        }
        return (conditions, arguments)
    }

    private static func whereClause(_ conditions: [String]) -> String {
        conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    }

    public func hostAddresses(named name: String) throws -> [IPAddress] {
        try read { db in
            let exact = try Data.fetchAll(db, sql: """
                SELECT address FROM host WHERE host_name = ? COLLATE NOCASE ORDER BY address
                """, arguments: [name])
            guard exact.isEmpty, !name.contains(".") else { return exact.map(Self.address) }
            return try Data.fetchAll(db, sql: """
                SELECT address FROM host
                WHERE instr(host_name, '.') > 1 AND substr(host_name, 1, instr(host_name, '.') - 1) = ? COLLATE NOCASE
                ORDER BY address
                """, arguments: [name]).map(Self.address)
        }
    }

    public func destinations(of host: IPAddress) throws -> [DestinationSummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.destination, d.ports, d.connections, d.bytes_sent, d.bytes_received, d.first_seen,
                       d.last_seen, d.is_external, d.is_new, d.open_alerts, d.acknowledged_alerts, d.closed_alerts
                FROM host_destination d
                WHERE d.host = ?
                ORDER BY d.last_seen DESC, d.destination
                """, arguments: [host.storeBlob]).map { row in
                DestinationSummary(
                    address: Self.address(row[0]), ports: PortList.ports(row[1]), connections: row[2],
                    bytesSent: row[3], bytesReceived: row[4], firstSeen: Date(storeSeconds: row[5]),
                    lastSeen: Date(storeSeconds: row[6]), isExternal: row[7], isNewForHost: row[8],
                    openAlerts: row[9], acknowledgedAlerts: row[10], closedAlerts: row[11])
            }
        }
    }

    // MARK: Rows

    /// The ORDER BY terms of `sort`, each flipped when `reversed` (every order ends with the
    /// unique address, so the reverse of an order is exact); nil for `attention`, which no column
    /// holds (`RankedHostWalk` merges two indexes).
    static func columnOrder(_ sort: HostSort, reversed: Bool) -> String? {
        let terms: [(column: String, descending: Bool)] = switch sort {
        case .attention: []
        case .bytesOut: [("bytes_out", true), ("address", false)]
        case .lastSeen: [("last_seen", true), ("address", false)]
        case .address: [("address", false)]
        case .destinations: [("external_destinations", true), ("address", false)]
        }
        guard !terms.isEmpty else { return nil }
        return terms.map { "\($0.column) \($0.descending != reversed ? "DESC" : "ASC")" }.joined(separator: ", ")
    }

    /// `HostSummary.needsAttention` of a host (alias `h`) and its case (alias `c`): open alerts, or
    /// an open case with work left.
    static let needsAttention = """
        (h.open_alerts > 0 OR c.state IN ('\(CaseState.investigating.rawValue)', '\(CaseState.escalated.rawValue)')
         OR (h.acknowledged_alerts > 0 AND coalesce(c.state, '') <> '\(CaseState.resolved.rawValue)'))
        """

    static func alertCountColumn(_ status: AlertStatus) -> String {
        switch status {
        case .open: "open_alerts"
        case .acknowledged: "acknowledged_alerts"
        case .closed: "closed_alerts"
        }
    }

    static func address(_ blob: Data?) -> IPAddress {
        blob.flatMap(IPAddress.init(storeBlob:)) ?? .zero
    }

    private static func hostSummary(_ row: Row) -> HostSummary {
        let caseProgress = caseProgress(row, startingAt: 14)
        let ranking = HostRanking(openAlerts: row[2], acknowledgedAlerts: row[3], bytesOut: row[6],
                                  bytesToNewDestinations: row[10], externalDestinations: row[5],
                                  unansweredDestinations: row[11], newDestinations: row[12], idle: row[13],
                                  isResolvedCase: caseProgress?.state == .resolved)
        return HostSummary(address: address(row[0]), hostName: row[1], openAlerts: row[2], acknowledgedAlerts: row[3],
                           closedAlerts: row[4], externalDestinations: row[5], bytesOut: row[6],
                           firstSeen: Date(storeSeconds: row[7]), lastSeen: Date(storeSeconds: row[8]), highestRisk: row[9],
                           ranking: ranking, caseProgress: caseProgress)
    }
}
