import Detection
import Foundation
import GRDB
import TriageModel

extension SMBStore {
    public func addException(_ item: ExceptionItem, closeMatching: Bool, actor: String) throws -> ExceptionAddResult {
        let now = Date()
        let matching = closeMatching ? try openAlerts(matching: item, at: now) : []
        return try write("adding an exception") { db in
            guard try !Self.exceptionExists(db, id: item.id) else { throw StoreError.duplicateException(id: item.id) }
            try Self.saveException(db, item)
            try AuditLog.record(db, at: now, actor: actor, action: "exception.add", target: item.id,
                                detail: Self.summary(item))
            // Alerts triaged since `matching` was read are no longer open and stay as they are.
            let closed = try Self.changeStatus(db, of: matching, to: .closed, onlyFrom: .open,
                                               reason: "matches exception \(item.name)", actor: actor, at: now)
            return ExceptionAddResult(record: ExceptionRecord(item: item, suppressedEvents: 0), closedAlertIDs: closed)
        }
    }

    public func openAlertCount(in scope: ExceptionScope) throws -> Int {
        var conditions: [String] = []
        var arguments = StatementArguments()
        func within(_ column: String, _ prefix: IPPrefix) {
            let ranges = prefix.storeRanges
            conditions.append("(" + ranges.map { _ in "\(column) BETWEEN ? AND ?" }.joined(separator: " OR ") + ")")
            for range in ranges { arguments += [range.lowest, range.highest] }
        }
        switch scope {
        case .destination(let destination): within("destination", destination)
        case .source(let source): within("host", source)
        case .pair(let source, let destination):
            within("host", source)
            within("destination", destination)
        }
        return try read { db in
            try Int.fetchOne(db, sql: """
                SELECT coalesce(sum(open_alerts), 0) FROM host_destination WHERE \(conditions.joined(separator: " AND "))
                """, arguments: arguments) ?? 0
        }
    }

    public func updateException(_ item: ExceptionItem, actor: String) throws {
        try write("updating an exception") { db in
            guard try Self.exceptionExists(db, id: item.id) else { throw StoreError.notFound("exception \(item.id)") }
            try Self.saveException(db, item)
            try AuditLog.record(db, at: Date(), actor: actor, action: "exception.update", target: item.id,
                                detail: Self.summary(item))
        }
    }

    public func removeException(id: String, actor: String) throws {
        try write("removing an exception") { db in
            guard let name = try String.fetchOne(db, sql: "SELECT name FROM exception_item WHERE id = ?",
                                                 arguments: [id]) else {
                throw StoreError.notFound("exception \(id)")
            }
            try db.execute(sql: "DELETE FROM exception_item WHERE id = ?", arguments: [id])
            try AuditLog.record(db, at: Date(), actor: actor, action: "exception.remove", target: id, detail: name)
        }
    }

    /// Stores imported items (a Kibana export), replacing stored items with the same id; returns
    /// how many were stored.
    @discardableResult
    public func importExceptions(_ items: [ExceptionItem], actor: String) throws -> Int {
        try write("importing exceptions") { db in
            let now = Date()
            for item in items {
                try Self.saveException(db, item)
                try AuditLog.record(db, at: now, actor: actor, action: "exception.import", target: item.id,
                                    detail: Self.summary(item))
            }
            return items.count
        }
    }

    /// The items active at `date`, compiled for the detector.
    func activeExceptions(at date: Date) throws -> CompiledExceptions {
        try CompiledExceptions(exceptions().map(\.item), activeAt: date)
    }

    // MARK: Helpers

    /// The open alerts whose events `item` matches at `date`, read in pages.
    private func openAlerts(matching item: ExceptionItem, at date: Date) throws -> [Int64] {
        let compiled = try CompiledExceptions([item], activeAt: date)
        guard compiled.activeCount > 0 else { return [] }
        var matching: [Int64] = []
        var lastID: Int64 = 0
        while true {
            let page = try read { db in
                try Array(Row.fetchCursor(db, sql: """
                    SELECT a.id, \(EventColumns.fieldSelection)
                    FROM alert a JOIN event e ON e.id = a.event_id
                    WHERE a.status = 'open' AND a.id > ? ORDER BY a.id LIMIT 2000
                    """, arguments: [lastID]).map { row -> (Int64, NetworkEvent) in
                    (row[0], EventColumns.event(from: row, startingAt: 1))
                })
            }
            guard let last = page.last else { return matching }
            matching += page.filter { compiled.firstMatch($0.1) != nil }.map(\.0)
            lastID = last.0
        }
    }

    /// Throws when the detector could not use the item's entries.
    private static func exceptionExists(_ db: Database, id: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM exception_item WHERE id = ?", arguments: [id]) != nil
    }

    /// Inserts or replaces the item, keeping its suppression count.
    private static func saveException(_ db: Database, _ item: ExceptionItem) throws {
        try item.validate()
        try db.execute(sql: """
            INSERT INTO exception_item (id, name, comment, author, created_at, expires_at, entries)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, comment = excluded.comment,
                author = excluded.author, created_at = excluded.created_at, expires_at = excluded.expires_at,
                entries = excluded.entries
            """, arguments: [item.id, item.name, item.comment, item.author, item.createdAt.storeSeconds,
                             item.expiresAt?.storeSeconds, KibanaExceptionList.entriesJSON(item.entries)])
    }

    /// The audit detail for an item: its name, entries and expiry.
    private static func summary(_ item: ExceptionItem) -> String {
        let entries = item.entries.map { entry -> String in
            let value = switch entry.value {
            case .match(let value): value
            case .matchAny(let values): "(" + values.joined(separator: " or ") + ")"
            }
            return (entry.operator == .excluded ? "not " : "") + "\(entry.field): \(value)"
        }.joined(separator: " and ")
        let expiry = item.expiresAt.map { "; expires \($0.ISO8601Format())" } ?? ""
        return "\(item.name): \(entries)\(expiry)"
    }
}
