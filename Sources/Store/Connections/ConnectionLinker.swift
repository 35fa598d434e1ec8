import Detection
import Foundation
import GRDB

/// What linking one record to its connection changed: which connection it belongs to, whether
/// that connection is new, and how much the connection's bytes grew (0 when another sensor
/// already reported as much).
struct ConnectionLink {
    /// The `connection` row; nil for a lone record (a connection of its own, with no row).
    let connectionID: Int64?
    let isNew: Bool
    let bytesSentAdded: Int64
    let bytesReceivedAdded: Int64
    /// The connection as it was before the link (nil for a new one): what a record that turns out
    /// to be stored already restores, and what the aggregates take out before adding `row`.
    let previous: ConnectionRow?
    /// The row after the link.
    let row: ConnectionRow
    /// The lone record this link joined, which now has `connectionID` too (`undo` makes it lone again).
    let joinedLoneEventID: Int64?

    /// A record that is a connection of its own, with its own figures.
    static func lone(_ record: ConnectionRow) -> ConnectionLink {
        ConnectionLink(connectionID: nil, isNew: true, bytesSentAdded: record.bytesSent,
                       bytesReceivedAdded: record.bytesReceived, previous: nil, row: record, joinedLoneEventID: nil)
    }

    /// `record` folded into the connection `known`, whose row is now `merged` (id `connectionID`).
    static func joined(_ known: ConnectionRow, merged: ConnectionRow, connectionID: Int64,
                       loneEventID: Int64? = nil) -> ConnectionLink {
        ConnectionLink(connectionID: connectionID, isNew: false, bytesSentAdded: merged.bytesSent - known.bytesSent,
                       bytesReceivedAdded: merged.bytesReceived - known.bytesReceived, previous: known, row: merged,
                       joinedLoneEventID: loneEventID)
    }
}

/// Finds the connection of each stored record, inside the writer's transaction. A record with a
/// Community ID joins the connection of the same ID and host whose span it overlaps or starts
/// near (`ConnectionSpan`): a `connection` row when two records or more were joined already, or a
/// lone record (schema v21: a record no other sensor reported has no `connection` row; its own
/// row is its connection, found by its `community_key` and its start in `event_lone_community`).
/// Both are looked for the same way: those of the key and host that start at the latest when the
/// record ends (or a minute after it starts), latest first. Joining a lone record makes the
/// `connection` row of the two. Any other record is a connection of its own.
struct ConnectionLinker {
    private let db: Database
    private var lookup: RawStatement
    private var loneLookup: RawStatement
    private var byID: RawStatement
    private var insert: RawStatement
    private var update: RawStatement
    private var linkLone: RawStatement

    /// Connections (and lone records) of one Community ID and host looked at per record, latest start first.
    private static let candidates = 8

    private static let columns = """
        id, host, first_seen, last_seen, bytes_sent, bytes_received, packets_sent, packets_received, sensors, is_external
        """

    init(db: Database) throws {
        self.db = db
        lookup = try RawStatement(db, sql: """
            SELECT \(Self.columns) FROM connection
            WHERE community_key = ? AND first_seen <= ? AND host IS ? ORDER BY first_seen DESC LIMIT \(Self.candidates)
            """)
        loneLookup = try RawStatement(db, sql: """
            SELECT e.id, e.fingerprint, \(ConnectionRow.recordSelection) FROM event e INDEXED BY event_lone_community
            WHERE e.community_key = ? AND e.connection_id IS NULL AND \(LoneRecord.start) <= ? AND e.source_ip IS ?
            ORDER BY \(LoneRecord.start) DESC LIMIT \(Self.candidates)
            """)
        byID = try RawStatement(db, sql: "SELECT \(Self.columns) FROM connection WHERE id = ?")
        insert = try RawStatement(db, sql: """
            INSERT INTO connection (community_key, host, first_seen, last_seen, bytes_sent, bytes_received,
                                    packets_sent, packets_received, sensors, is_external, events)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2)
            """)
        update = try RawStatement(db, sql: """
            UPDATE connection SET first_seen = ?, last_seen = ?, bytes_sent = ?, bytes_received = ?, packets_sent = ?,
                                  packets_received = ?, sensors = ?, is_external = ?, events = events + ?
            WHERE id = ?
            """)
        linkLone = try RawStatement(db, sql: "UPDATE event SET connection_id = ? WHERE id = ?")
    }

    /// Links a record about to be stored (to an external destination when `isExternal`, its
    /// fingerprint `fingerprint`) to its connection; a record that joins none is a lone record.
    /// A lone record of the same fingerprint is the record itself, stored already: it is joined
    /// to nothing, so the INSERT that finds it stored has nothing to take back.
    mutating func link(_ event: NetworkEvent, seenAt: Date, isExternal: Bool,
                       fingerprint: Data) throws -> ConnectionLink {
        let record = ConnectionRow(event, span: ConnectionSpan(of: event, seenAt: seenAt), isExternal: isExternal)
        guard let communityKey = event.communityID.map(CommunityKey.of) else { return .lone(record) }
        if let known = try find(record, communityKey: communityKey) {
            return try merge(record, into: known, addingEvents: 1)
        }
        guard let lone = try findLone(record, communityKey: communityKey, fingerprint: fingerprint) else {
            return .lone(record)
        }
        let merged = lone.row.merging(record)
        insert.bind(communityKey)
        insert.bind(merged.host)
        Self.bindFigures(of: merged, to: &insert)
        try insert.execute()
        let connectionID = insert.lastInsertedRowID
        try setConnection(connectionID, ofLoneEvent: lone.eventID)
        return .joined(lone.row, merged: merged, connectionID: connectionID, loneEventID: lone.eventID)
    }

    /// Folds a later report of a stored record (a Packetbeat flow's cumulative report) into the
    /// record's connection `connectionID`; a lone record's (`connectionID` nil) later report is a
    /// lone record too, whose figures replace `stored`, the earlier report's.
    mutating func relink(_ event: NetworkEvent, seenAt: Date, isExternal: Bool, fingerprint: Data,
                         connectionID: Int64?, stored: ConnectionRow) throws -> ConnectionLink {
        let record = ConnectionRow(event, span: ConnectionSpan(of: event, seenAt: seenAt), isExternal: isExternal)
        guard let connectionID else {
            return ConnectionLink(connectionID: nil, isNew: false, bytesSentAdded: record.bytesSent - stored.bytesSent,
                                  bytesReceivedAdded: record.bytesReceived - stored.bytesReceived, previous: stored,
                                  row: record, joinedLoneEventID: nil)
        }
        byID.bind(connectionID)
        let known = try byID.step() ? Self.row(byID) : nil
        byID.reset()
        guard let known else { return try link(event, seenAt: seenAt, isExternal: isExternal, fingerprint: fingerprint) }
        return try merge(record, into: known, addingEvents: 0)
    }

    /// Takes back a link whose record was not stored after all (its fingerprint was).
    mutating func undo(_ link: ConnectionLink) throws {
        guard let connectionID = link.connectionID, let previous = link.previous else { return }
        guard let loneEventID = link.joinedLoneEventID else {
            try write(previous, addingEvents: -1)
            return
        }
        try setConnection(nil, ofLoneEvent: loneEventID)
        try db.execute(sql: "DELETE FROM connection WHERE id = ?", arguments: [connectionID])
    }

    private mutating func setConnection(_ connectionID: Int64?, ofLoneEvent eventID: Int64) throws {
        linkLone.bind(connectionID)
        linkLone.bind(eventID)
        try linkLone.execute()
    }

    private mutating func find(_ record: ConnectionRow, communityKey: Int64) throws -> ConnectionRow? {
        lookup.bind(communityKey)
        lookup.bind(Self.latestStart(of: record))
        lookup.bind(record.host)
        defer { lookup.reset() }
        while try lookup.step() {
            let known = Self.row(lookup)
            if known.includes(record) { return known }
        }
        return nil
    }

    /// The lone record of `communityKey` that `record` (of `fingerprint`) is the same connection
    /// as; none when that is `record` itself.
    private mutating func findLone(_ record: ConnectionRow, communityKey: Int64,
                                   fingerprint: Data) throws -> (eventID: Int64, row: ConnectionRow)? {
        loneLookup.bind(communityKey)
        loneLookup.bind(Self.latestStart(of: record))
        loneLookup.bind(record.host)
        defer { loneLookup.reset() }
        while try loneLookup.step() {
            let lone = ConnectionRow(storedRecord: loneLookup, startingAt: 2)
            guard lone.includes(record) else { continue }
            return loneLookup.blob(1) == fingerprint ? nil : (loneLookup.int64(0) ?? 0, lone)
        }
        return nil
    }

    /// The latest start of a connection `record` can be part of: its end, or a minute after its
    /// start (`ConnectionSpan.isSameConnection`).
    private static func latestStart(of record: ConnectionRow) -> Date {
        max(record.span.end, record.span.start.addingTimeInterval(ConnectionSpan.tolerance))
    }

    private mutating func merge(_ record: ConnectionRow, into known: ConnectionRow,
                                addingEvents: Int) throws -> ConnectionLink {
        let merged = known.merging(record)
        if merged != known || addingEvents != 0 { try write(merged, addingEvents: addingEvents) }
        return .joined(known, merged: merged, connectionID: known.id)
    }

    private mutating func write(_ row: ConnectionRow, addingEvents: Int) throws {
        Self.bindFigures(of: row, to: &update)
        update.bind(addingEvents)
        update.bind(row.id)
        try update.execute()
    }

    /// Binds the span, counts and sensors, in the column order both statements name them.
    private static func bindFigures(of row: ConnectionRow, to statement: inout RawStatement) {
        statement.bind(row.span.start)
        statement.bind(row.span.end)
        statement.bind(row.bytesSent)
        statement.bind(row.bytesReceived)
        statement.bind(row.packetsSent)
        statement.bind(row.packetsReceived)
        statement.bind(StringList.text(row.sensors))
        statement.bind(row.isExternal)
    }

    private static func row(_ statement: RawStatement) -> ConnectionRow {
        ConnectionRow(id: statement.int64(0) ?? 0, host: statement.address(1),
                      span: ConnectionSpan(start: Date(storeSeconds: statement.double(2) ?? 0),
                                           end: Date(storeSeconds: statement.double(3) ?? 0)),
                      bytesSent: statement.int64(4) ?? 0, bytesReceived: statement.int64(5) ?? 0,
                      packetsSent: statement.int64(6) ?? 0, packetsReceived: statement.int64(7) ?? 0,
                      sensors: StringList.strings(statement.text(8)), isExternal: statement.int64(9) == 1)
    }
}
