import Detection
import Foundation
import GRDB
import TriageModel

/// Writes one batch of ingested events inside one write transaction: the events themselves
/// (deduplicated by fingerprint, Packetbeat reports upserted per flow), the blocks their records
/// are in (`RecordBlockWriter`) and, when the batch is done, the host and (host, destination)
/// aggregates the batch changed.
struct EventWriter {
    private let db: Database
    private let rule: CompiledRule
    private let ingestedAt: Date
    private(set) var result = InsertResult()
    private var hostDeltas: [IPAddress: HostDelta] = [:]
    private var pairDeltas: [AddressPair: PairDelta] = [:]
    /// The batch's changes to the hosts' hourly and daily timelines (`host_flow_hour`, `host_flow_day`).
    private var timelineDeltas = TimelineBucket.allCases.map(TimelineDeltas.init)
    private var connections: ConnectionLinker
    private var origins: OriginFiles
    private var insertEvent: RawStatement
    private var enqueue: RawStatement
    private var pairLookup: RawStatement
    private var hostFirstSeenLookup: RawStatement
    private var pairInsert: RawStatement
    private var pairUpdate: RawStatement
    private var supersededLookup: RawStatement
    private var storedLookup: RawStatement
    private var openReportLookup: RawStatement
    /// False while `superseded_report` is known to be empty: then no lookup is needed.
    private var maySupersede: Bool
    /// False while no event row keeps a flow key, so no open report can be stored: then a
    /// record's flow needs no lookup (a file of final reports alone costs none per record).
    private var mayHaveOpenReport: Bool

    /// The columns a stored record's row writes after its identity, time and connection (`insertSQL`'s
    /// first eight) and its empty `original` (the record is in a block, at `record_ref`).
    private static let recordColumns = EventColumns.originNames + EventColumns.fieldNames
        + [EventColumns.recordReferenceName]

    private static let insertSQL = """
        INSERT INTO event (fingerprint, flow_key, seen_at, ingested_at, is_external, connection_id, community_key,
                           lone_start, original, \(recordColumns.joined(separator: ", ")))
        VALUES (\(databaseQuestionMarks(count: 8)), x'', \(databaseQuestionMarks(count: recordColumns.count)))
        ON CONFLICT(fingerprint) DO NOTHING
        """

    /// Adds a host's batch delta to its row (parameters: address, name, first and last activity,
    /// flows, bytes out, external, unanswered and new destinations, bytes to new ones, and the
    /// rank a new row starts with: `HostDelta.rankBase` and `rankRecent`), its rank with it
    /// (`HostRankingSQL.rankAssignments`).
    private static let hostUpsertSQL: String = {
        let updated = [
            "last_seen": "max(last_seen, excluded.last_seen)",
            "bytes_out": SaturatingSQL.sum("bytes_out", "excluded.bytes_out"),
            "external_destinations": "external_destinations + excluded.external_destinations",
            "unanswered_destinations": "unanswered_destinations + excluded.unanswered_destinations",
            "new_destinations": "new_destinations + excluded.new_destinations",
            "new_destination_bytes": SaturatingSQL.sum("new_destination_bytes", "excluded.new_destination_bytes"),
        ]
        let assignments = ["host_name = coalesce(excluded.host_name, host_name)",
                           "first_seen = min(first_seen, excluded.first_seen)", "flows = flows + excluded.flows"]
            + updated.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }
            + [HostRankingSQL.rankAssignments(updated)]
        return """
            INSERT INTO host (address, host_name, first_seen, last_seen, flows, bytes_out, external_destinations,
                              unanswered_destinations, new_destinations, new_destination_bytes, rank_base, rank_recent)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(address) DO UPDATE SET \(assignments.joined(separator: ", "))
            """
    }()

    private static let replaceSQL = """
        UPDATE event SET fingerprint = ?, flow_key = ?, seen_at = ?, original = x'', \(recordColumns.map { "\($0) = ?" }.joined(separator: ", ")),
                         connection_id = ?, community_key = ?, lone_start = ?
        WHERE id = ?
        """

    private static let pairInsertSQL = """
        INSERT INTO host_destination (host, destination, ports, connections, bytes_sent, bytes_received,
                                      first_seen, first_event_id, last_seen, is_external, replied, is_new)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(host, destination) DO NOTHING
        """

    private static let pairUpdateSQL = """
        UPDATE host_destination SET ports = ?, connections = connections + ?, bytes_sent = \(SaturatingSQL.sum("bytes_sent", "?")),
            bytes_received = \(SaturatingSQL.sum("bytes_received", "?")),
            first_seen = CASE WHEN ? THEN ? ELSE first_seen END,
            first_event_id = CASE WHEN ? THEN ? ELSE first_event_id END,
            last_seen = max(last_seen, ?), replied = max(replied, ?)
        WHERE host = ? AND destination = ?
        """

    init(db: Database, rule: CompiledRule, ingestedAt: Date) throws {
        self.db = db
        self.rule = rule
        self.ingestedAt = ingestedAt
        insertEvent = try RawStatement(db, sql: Self.insertSQL)
        enqueue = try RawStatement(db, sql: "INSERT OR IGNORE INTO detection_queue (ingested_at, event_id) VALUES (?, ?)")
        pairLookup = try RawStatement(db, sql: """
            SELECT ports, first_seen, replied, is_new FROM host_destination WHERE host = ? AND destination = ?
            """)
        hostFirstSeenLookup = try RawStatement(db, sql: "SELECT first_seen FROM host WHERE address = ?")
        connections = try ConnectionLinker(db: db)
        origins = try OriginFiles(db: db)
        pairInsert = try RawStatement(db, sql: Self.pairInsertSQL)
        pairUpdate = try RawStatement(db, sql: Self.pairUpdateSQL)
        supersededLookup = try RawStatement(db, sql: "SELECT 1 FROM superseded_report WHERE fingerprint = ?")
        storedLookup = try RawStatement(db, sql: "SELECT 1 FROM event WHERE fingerprint = ?")
        openReportLookup = try RawStatement(db, sql: """
            SELECT e.id, e.fingerprint, e.seen_at, e.connection_id, e.record_ref, \(ConnectionRow.recordSelection)
            FROM event e WHERE e.flow_key = ? ORDER BY e.id DESC LIMIT 1
            """)
        maySupersede = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM superseded_report)") ?? true
        mayHaveOpenReport = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM event WHERE flow_key IS NOT NULL)")
            ?? true
        try CandidateQuery.adopt(db, query: rule.rule.query)
    }

    /// Makes room for the aggregates of `count` events, so the batch's deltas never grow by
    /// rehashing what they hold (2% of the writer's time on the pipeline benchmark).
    mutating func reserveCapacity(forEvents count: Int) {
        hostDeltas.reserveCapacity(count)
        pairDeltas.reserveCapacity(count)
        for index in timelineDeltas.indices { timelineDeltas[index].reserveCapacity(count) }
    }

    /// Stores a batch's events, then the record blocks its stored rows point into.
    mutating func add(_ batch: PreparedBatch) throws {
        var records = try RecordBlockWriter(db, blocks: batch.blocks)
        for event in batch.events { try add(event, records: &records) }
        try records.write(db)
    }

    /// Stores one event, or counts it as a duplicate or as an update of its flow. A record
    /// that is neither a Packetbeat report nor the report of an open flow costs one INSERT: its
    /// fingerprint's UNIQUE index tells a duplicate.
    private mutating func add(_ prepared: PreparedEvent, records: inout RecordBlockWriter) throws {
        let event = prepared.ingested.event
        let fingerprint = prepared.fingerprint
        let seenAt = event.timestamp ?? event.start ?? event.end ?? ingestedAt
        let flowKey = EventFingerprint.flowKey(of: event)
        if let flowKey {
            if try wasSuperseded(fingerprint) {
                result.duplicates += 1
                return
            }
            if let open = try openReport(flowKey: flowKey) {
                let isDuplicate = try open.fingerprint == fingerprint || isStored(fingerprint)
                if isDuplicate {
                    result.duplicates += 1
                } else {
                    try supersede(open, by: prepared, seenAt: seenAt, records: &records)
                }
                return
            }
        }
        let isExternal = isExternal(event)
        let link = try connections.link(event, seenAt: seenAt, isExternal: isExternal, fingerprint: fingerprint)
        let originID = try origins.id(of: prepared.ingested.origin)
        let storedFlowKey = Self.storedFlowKey(flowKey, of: event)
        insertEvent.bind(fingerprint)
        insertEvent.bind(storedFlowKey)
        insertEvent.bind(seenAt)
        insertEvent.bind(ingestedAt)
        insertEvent.bind(isExternal)
        insertEvent.bind(link.connectionID)
        insertEvent.bind(LoneRecord.storedKey(of: event, link: link))
        insertEvent.bind(LoneRecord.storedStart(of: link, seenAt: seenAt))
        Self.bindRecord(prepared, originID: originID, reference: records.reference(of: prepared), to: &insertEvent)
        try insertEvent.execute()
        guard insertEvent.changesCount > 0 else {
            try connections.undo(link)
            result.duplicates += 1
            return
        }
        records.stored(prepared)
        let eventID = insertEvent.lastInsertedRowID
        if storedFlowKey != nil { mayHaveOpenReport = true }
        if rule.matches(event) { try queueCandidate(eventID) }
        result.inserted += 1
        if !link.isNew { result.joinedConnections += 1 }
        count(event, eventID: eventID, seenAt: seenAt, isExternal: isExternal, link: link)
    }

    /// The flow key a row keeps: only an open report is ever looked up by its flow (`openReport`),
    /// so a final one keeps none.
    static func storedFlowKey(_ flowKey: String?, of event: NetworkEvent) -> String? {
        event.isFinalReport == true ? nil : flowKey
    }

    /// Binds the columns of `recordColumns` for `prepared`, read from the file `originID` names,
    /// its record in a block at `reference`.
    private static func bindRecord(_ prepared: PreparedEvent, originID: Int64, reference: Int64,
                                   to statement: inout RawStatement) {
        EventColumns.bind(originID: originID, line: prepared.ingested.origin.line, to: &statement)
        EventColumns.bind(prepared.ingested.event, fields: prepared.storedFields, to: &statement)
        statement.bind(reference)
    }

    /// Queues a stored event for the executions. Only what the rule's query matches can ever
    /// alert, so the queue holds just that and an execution decodes its candidates, not every
    /// stored flow (exceptions apply later, at the execution's time). Queueing an event twice
    /// at one ingest time is a no-op.
    private mutating func queueCandidate(_ eventID: Int64) throws {
        enqueue.bind(ingestedAt)
        enqueue.bind(eventID)
        try enqueue.execute()
    }

    /// Applies the aggregates of everything added and adds the rows it inserted to the store's
    /// kept flow count (`StoredCounts`: one write a batch); call once, before the transaction
    /// commits. Rows are written in key order, so consecutive writes touch neighbouring B-tree
    /// pages (7% less writer time on the pipeline benchmark than in hash order).
    mutating func flushAggregates() throws {
        if result.inserted > 0 { try StoredCounts.add(db, flows: result.inserted) }
        let hosts = hostDeltas.keys.sorted()
        var firstSeen: [IPAddress: Date] = [:]
        // Hosts whose new destinations are decided again once their rows are written: their first
        // activity moved earlier, or a destination of theirs was first seen earlier than thought.
        var recounted: Set<IPAddress> = []
        for host in hosts {
            guard let delta = hostDeltas[host] else { continue }
            let stored = try storedFirstSeen(host)
            firstSeen[host] = stored.map { min(delta.firstSeen, $0) } ?? delta.firstSeen
            if let stored, delta.firstSeen < stored { recounted.insert(host) }
        }
        let pairs = pairDeltas.sorted { ($0.key.host, $0.key.destination) < ($1.key.host, $1.key.destination) }
        for (pair, delta) in pairs {
            let change = try applyPair(pair, delta, hostFirstSeen: firstSeen[pair.host] ?? delta.firstSeen)
            if delta.isExternal { hostDeltas[pair.host]?.count(change, bytesSent: delta.bytesSent) }
            if change.endsNewDestination { recounted.insert(pair.host) }
        }
        var upsert = try RawStatement(db, sql: Self.hostUpsertSQL)
        for host in hosts {
            guard let delta = hostDeltas[host] else { continue }
            upsert.bind(host)
            upsert.bind(delta.hostName)
            upsert.bind(delta.firstSeen)
            upsert.bind(delta.lastSeen)
            upsert.bind(delta.flows)
            upsert.bind(delta.bytesOut)
            upsert.bind(delta.externalDestinations)
            upsert.bind(delta.unansweredDestinations)
            upsert.bind(delta.newDestinations)
            upsert.bind(delta.newDestinationBytes)
            upsert.bind(delta.rankBase)
            upsert.bind(delta.rankRecent)
            try upsert.execute()
        }
        for host in recounted.sorted() { try NewDestinations.recount(db, host: host.storeBlob) }
        for index in timelineDeltas.indices { try timelineDeltas[index].write(db) }
        hostDeltas.removeAll()
        pairDeltas.removeAll()
    }

    // MARK: Packetbeat flow reports

    /// The stored, not yet final report of a flow.
    private struct OpenReport {
        let id: Int64
        let fingerprint: Data
        let seenAt: Date
        let connectionID: Int64?
        /// Where its record is, when in a block (`RecordReference`).
        let recordReference: Int64?
        /// The connection its own record describes: a lone report's connection, which a later
        /// report of its flow replaces.
        let figures: ConnectionRow
        /// Whether the rule's query matched it (and so queued it) when it was stored.
        let wasCandidate: Bool
    }

    /// True when a later report of its flow replaced this record.
    private mutating func wasSuperseded(_ fingerprint: Data) throws -> Bool {
        guard maySupersede else { return false }
        supersededLookup.bind(fingerprint)
        defer { supersededLookup.reset() }
        return try supersededLookup.step()
    }

    /// True when an event row holds this record (only asked on the rare open-flow path: the
    /// common path learns it from its INSERT).
    private mutating func isStored(_ fingerprint: Data) throws -> Bool {
        storedLookup.bind(fingerprint)
        defer { storedLookup.reset() }
        return try storedLookup.step()
    }

    private mutating func openReport(flowKey: String) throws -> OpenReport? {
        guard mayHaveOpenReport else { return nil }
        openReportLookup.bind(flowKey)
        defer { openReportLookup.reset() }
        guard try openReportLookup.step() else { return nil }
        return OpenReport(id: openReportLookup.int64(0) ?? 0, fingerprint: openReportLookup.blob(1) ?? Data(),
                          seenAt: Date(storeSeconds: openReportLookup.double(2) ?? 0),
                          connectionID: openReportLookup.int64(3), recordReference: openReportLookup.int64(4),
                          figures: ConnectionRow(storedRecord: openReportLookup, startingAt: 5),
                          wasCandidate: rule.matches(EventColumns.event(from: openReportLookup, startingAt: 6)))
    }

    /// A later cumulative report replaces the stored one in place (its fingerprint is remembered
    /// so re-ingesting it stays a no-op, its record's block loses a row); an earlier one is only
    /// remembered. A replacement the query matches is queued unless the report it replaces was.
    private mutating func supersede(_ open: OpenReport, by prepared: PreparedEvent, seenAt: Date,
                                    records: inout RecordBlockWriter) throws {
        let event = prepared.ingested.event
        let fingerprint = prepared.fingerprint
        let remember = try db.cachedStatement(sql: "INSERT OR IGNORE INTO superseded_report VALUES (?, ?)")
        guard event.isFinalReport == true || seenAt >= open.seenAt else {
            try remember.execute(arguments: [fingerprint, open.id])
            maySupersede = true
            result.duplicates += 1
            return
        }
        let isExternal = isExternal(event)
        let link = try connections.relink(event, seenAt: seenAt, isExternal: isExternal, fingerprint: fingerprint,
                                          connectionID: open.connectionID, stored: open.figures)
        let originID = try origins.id(of: prepared.ingested.origin)
        var replace = try RawStatement(db, sql: Self.replaceSQL)
        replace.bind(fingerprint)
        replace.bind(Self.storedFlowKey(EventFingerprint.flowKey(of: event), of: event))
        replace.bind(seenAt)
        Self.bindRecord(prepared, originID: originID, reference: records.reference(of: prepared), to: &replace)
        replace.bind(link.connectionID)
        replace.bind(LoneRecord.storedKey(of: event, link: link))
        replace.bind(LoneRecord.storedStart(of: link, seenAt: seenAt))
        replace.bind(open.id)
        try replace.execute()
        records.stored(prepared)
        if let replaced = open.recordReference { try records.release(replaced, db) }
        try remember.execute(arguments: [open.fingerprint, open.id])
        maySupersede = true
        if !open.wasCandidate && rule.matches(event) { try queueCandidate(open.id) }
        result.updated += 1
        count(event, eventID: open.id, seenAt: seenAt, isExternal: isExternal, link: link)
    }

    // MARK: Aggregates

    private func isExternal(_ event: NetworkEvent) -> Bool {
        guard let destination = event.destinationIPs.first else { return false }
        return !rule.isExcludedDestination(destination)
    }

    /// Counts what a stored record adds: a connection when it is the first record of one, and
    /// the bytes by which it raised its connection's figures.
    private mutating func count(_ event: NetworkEvent, eventID: Int64, seenAt: Date, isExternal: Bool,
                                link: ConnectionLink) {
        for index in timelineDeltas.indices { timelineDeltas[index].count(link) }
        guard let host = event.sourceIPs.first else { return }
        let flows = link.isNew ? 1 : 0
        // Each delta is changed in place: one hash lookup per dictionary, no copy of the delta.
        Self.count(into: &hostDeltas[host, default: HostDelta(seenAt: seenAt)], seenAt: seenAt, flows: flows,
                   bytesOut: isExternal ? link.bytesSentAdded : 0, hostName: event.sourceDomain)

        guard let destination = event.destinationIPs.first else { return }
        let pair = AddressPair(host: host, destination: destination)
        Self.count(into: &pairDeltas[pair, default: PairDelta(seenAt: seenAt, eventID: eventID, isExternal: isExternal)],
                   event, eventID: eventID, seenAt: seenAt, flows: flows, link: link)
    }

    private static func count(into delta: inout HostDelta, seenAt: Date, flows: Int, bytesOut: Int64, hostName: String?) {
        delta.see(seenAt)
        delta.flows += flows
        delta.bytesOut = delta.bytesOut.saturatingAdding(bytesOut)
        if let hostName, !hostName.isEmpty { delta.hostName = hostName }
    }

    private static func count(into delta: inout PairDelta, _ event: NetworkEvent, eventID: Int64, seenAt: Date,
                              flows: Int, link: ConnectionLink) {
        delta.see(seenAt, eventID: eventID)
        delta.connections += flows
        delta.bytesSent = delta.bytesSent.saturatingAdding(link.bytesSentAdded)
        delta.bytesReceived = delta.bytesReceived.saturatingAdding(link.bytesReceivedAdded)
        delta.replied = delta.replied || event.showsReply
        if let port = event.destinationPort { PortList.insert(port, into: &delta.ports) }
    }

    /// The host's first activity as stored; nil for a host not stored yet.
    private mutating func storedFirstSeen(_ host: IPAddress) throws -> Date? {
        hostFirstSeenLookup.bind(host)
        defer { hostFirstSeenLookup.reset() }
        guard try hostFirstSeenLookup.step() else { return nil }
        return hostFirstSeenLookup.double(0).map(Date.init(storeSeconds:))
    }

    /// Adds a pair's delta to its row and says what changed for its host, whose first activity
    /// (the earlier of its stored row's and this batch's) decides whether an external destination
    /// is new for the host. A new pair costs one INSERT; only a known one is read back, to merge
    /// its ports, first sighting and reply.
    private mutating func applyPair(_ pair: AddressPair, _ delta: PairDelta, hostFirstSeen: Date) throws -> PairChange {
        let isNewDestination = delta.isExternal
            && delta.firstSeen >= hostFirstSeen.addingTimeInterval(HostRanking.newDestinationGrace)
        pairInsert.bind(pair.host)
        pairInsert.bind(pair.destination)
        pairInsert.bind(PortList.text(delta.ports))
        pairInsert.bind(delta.connections)
        pairInsert.bind(delta.bytesSent)
        pairInsert.bind(delta.bytesReceived)
        pairInsert.bind(delta.firstSeen)
        pairInsert.bind(delta.firstEventID)
        pairInsert.bind(delta.lastSeen)
        pairInsert.bind(delta.isExternal)
        pairInsert.bind(delta.replied)
        pairInsert.bind(isNewDestination)
        try pairInsert.execute()
        if pairInsert.changesCount > 0 {
            return PairChange(isNewPair: true, isNewDestination: isNewDestination, endsNewDestination: false,
                              becameAnswered: false, isUnanswered: !delta.replied)
        }
        pairLookup.bind(pair.host)
        pairLookup.bind(pair.destination)
        // The insert conflicted, so the row exists: a miss here would drop the pair's counts.
        guard try pairLookup.step() else { preconditionFailure("host_destination row vanished inside its transaction") }
        var ports = PortList.ports(pairLookup.text(0) ?? "")
        for port in delta.ports { PortList.insert(port, into: &ports) }
        let isEarlier = delta.firstSeen.storeSeconds < pairLookup.double(1) ?? .infinity
        let wasReplied = pairLookup.int64(2) == 1
        let wasNewDestination = pairLookup.int64(3) == 1
        pairLookup.reset()
        pairUpdate.bind(PortList.text(ports))
        pairUpdate.bind(delta.connections)
        pairUpdate.bind(delta.bytesSent)
        pairUpdate.bind(delta.bytesReceived)
        pairUpdate.bind(isEarlier)
        pairUpdate.bind(delta.firstSeen)
        pairUpdate.bind(isEarlier)
        pairUpdate.bind(delta.firstEventID)
        pairUpdate.bind(delta.lastSeen)
        pairUpdate.bind(delta.replied)
        pairUpdate.bind(pair.host)
        pairUpdate.bind(pair.destination)
        try pairUpdate.execute()
        let endsNewDestination = wasNewDestination && isEarlier
            && delta.firstSeen < hostFirstSeen.addingTimeInterval(HostRanking.newDestinationGrace)
        return PairChange(isNewPair: false, isNewDestination: wasNewDestination, endsNewDestination: endsNewDestination,
                          becameAnswered: !wasReplied && delta.replied, isUnanswered: false)
    }
}
