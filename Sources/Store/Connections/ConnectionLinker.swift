import Detection
import Foundation
import GRDB

/// What linking one record to its connection changed: which connection it belongs to, whether
/// that connection is new, and how much the connection's bytes grew (0 when another sensor
/// already reported as much).
struct ConnectionLink {
    let connectionID: Int64
    let isNew: Bool
    let bytesSentAdded: Int64
    let bytesReceivedAdded: Int64
    /// The row as it was before the link (nil for a new connection), to restore when the record
    /// turns out to be stored already.
    let previous: ConnectionRow?
    /// The row after the link.
    let row: ConnectionRow
}

/// Finds or creates the connection of each stored record, inside the writer's transaction: a
/// record with a Community ID joins the connection of the same ID and host whose span it
/// overlaps or starts near (`ConnectionSpan`); any other record is a connection of its own.
struct ConnectionLinker {
    private let db: Database
    private var lookup: RawStatement
    private var byID: RawStatement
    private var insert: RawStatement
    private var update: RawStatement

    /// Connections of one Community ID looked at per record, latest start first.
    private static let candidates = 8

    private static let columns = """
        id, host, first_seen, last_seen, bytes_sent, bytes_received, packets_sent, packets_received, sensors, is_external
        """

    init(db: Database) throws {
        self.db = db
        lookup = try RawStatement(db, sql: """
            SELECT \(Self.columns) FROM connection
            WHERE community_key = ? AND first_seen <= ? ORDER BY first_seen DESC LIMIT \(Self.candidates)
            """)
        byID = try RawStatement(db, sql: "SELECT \(Self.columns) FROM connection WHERE id = ?")
        insert = try RawStatement(db, sql: """
            INSERT INTO connection (community_key, host, first_seen, last_seen, bytes_sent, bytes_received,
                                    packets_sent, packets_received, sensors, is_external, events)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """)
        update = try RawStatement(db, sql: """
            UPDATE connection SET first_seen = ?, last_seen = ?, bytes_sent = ?, bytes_received = ?, packets_sent = ?,
                                  packets_received = ?, sensors = ?, is_external = ?, events = events + ?
            WHERE id = ?
            """)
    }

    /// Links a record about to be stored (to an external destination when `isExternal`) to its
    /// connection, creating one when none matches.
    mutating func link(_ event: NetworkEvent, seenAt: Date, isExternal: Bool) throws -> ConnectionLink {
        let record = ConnectionRow(event, span: ConnectionSpan(of: event, seenAt: seenAt), isExternal: isExternal)
        let communityKey = event.communityID.map(CommunityKey.of)
        if let communityKey, let known = try find(record, communityKey: communityKey) {
            return try merge(record, into: known, addingEvents: 1)
        }
        insert.bind(communityKey)
        insert.bind(record.host)
        Self.bindFigures(of: record, to: &insert)
        try insert.execute()
        var row = record
        row.id = insert.lastInsertedRowID
        return ConnectionLink(connectionID: row.id, isNew: true, bytesSentAdded: record.bytesSent,
                              bytesReceivedAdded: record.bytesReceived, previous: nil, row: row)
    }

    /// Folds a later report of a stored record (a Packetbeat flow's cumulative report) into the
    /// record's connection.
    mutating func relink(_ event: NetworkEvent, seenAt: Date, isExternal: Bool, connectionID: Int64) throws -> ConnectionLink {
        byID.bind(connectionID)
        let known = try byID.step() ? Self.row(byID) : nil
        byID.reset()
        let record = ConnectionRow(event, span: ConnectionSpan(of: event, seenAt: seenAt), isExternal: isExternal)
        guard let known else { return try link(event, seenAt: seenAt, isExternal: isExternal) }
        return try merge(record, into: known, addingEvents: 0)
    }

    /// Takes back a link whose record was not stored after all (its fingerprint was).
    mutating func undo(_ link: ConnectionLink) throws {
        guard let previous = link.previous else {
            try db.execute(sql: "DELETE FROM connection WHERE id = ?", arguments: [link.connectionID])
            return
        }
        try write(previous, addingEvents: -1)
    }

    private mutating func find(_ record: ConnectionRow, communityKey: Int64) throws -> ConnectionRow? {
        lookup.bind(communityKey)
        lookup.bind(max(record.span.end, record.span.start.addingTimeInterval(ConnectionSpan.tolerance)))
        defer { lookup.reset() }
        while try lookup.step() {
            let known = Self.row(lookup)
            if known.includes(record) { return known }
        }
        return nil
    }

    private mutating func merge(_ record: ConnectionRow, into known: ConnectionRow,
                                addingEvents: Int) throws -> ConnectionLink {
        let merged = known.merging(record)
        if merged != known || addingEvents != 0 { try write(merged, addingEvents: addingEvents) }
        return ConnectionLink(connectionID: known.id, isNew: false,
                              bytesSentAdded: merged.bytesSent - known.bytesSent,
                              bytesReceivedAdded: merged.bytesReceived - known.bytesReceived, previous: known,
                              row: merged)
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
