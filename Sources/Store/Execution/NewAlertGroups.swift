import Detection
import GRDB
import TriageModel

/// One execution's new alerts by (host, connection key), added to their `connection_alert_group`
/// rows (all statuses, and `open`) with one update, or insert, per row when the execution
/// flushes (schema v14: the alert INSERT fires no trigger). A row keeps what
/// `ConnectionGroupSQL.insert` computes; a new alert has no notes.
struct NewAlertGroups {
    private struct Key: Hashable {
        var host: IPAddress?
        var connectionKey: Int64
    }

    private struct Figures {
        var newest: Double
        var newestID: Int64
        var firstID: Int64
        var size: Int64
        var risk: Int64

        mutating func add(_ other: Figures) {
            (newest, newestID, firstID) = (max(newest, other.newest), max(newestID, other.newestID), min(firstID, other.firstID))
            (size, risk) = (size + other.size, max(risk, other.risk))
        }
    }

    private var groups: [Key: Figures] = [:]

    /// Counts new open alert `alertID` in the groups of (`host`, `connectionKey`).
    mutating func add(alertID: Int64, host: IPAddress?, connectionKey: Int64, seenAt: Double, risk: Int) {
        let alert = Figures(newest: seenAt, newestID: alertID, firstID: alertID, size: 1, risk: Int64(risk))
        let key = Key(host: host, connectionKey: connectionKey)
        if groups[key] == nil { groups[key] = alert } else { groups[key]!.add(alert) }
    }

    /// Adds the counted alerts to their rows (made when missing) and forgets them.
    mutating func flush(_ db: Database) throws {
        guard !groups.isEmpty else { return }
        var update = try RawStatement(db, sql: """
            UPDATE connection_alert_group
            SET newest = max(newest, ?1), newest_id = max(newest_id, ?2), first_id = min(first_id, ?3),
                size = size + ?4, risk = max(risk, ?5)
            WHERE connection_key = ?6 AND status = ?7 AND host IS ?8
            """)
        var insert = try RawStatement(db, sql: """
            INSERT INTO connection_alert_group (newest, newest_id, first_id, size, risk, connection_key, status, host, notes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)
            """)
        for (key, figures) in groups {
            for status in [ConnectionGroupSQL.anyStatus, AlertStatus.open.rawValue] {
                Self.bind(&update, key: key, status: status, figures: figures)
                try update.execute()
                guard update.changesCount == 0 else { continue }
                Self.bind(&insert, key: key, status: status, figures: figures)
                try insert.execute()
            }
        }
        groups.removeAll()
    }

    private static func bind(_ statement: inout RawStatement, key: Key, status: String, figures: Figures) {
        statement.bind(figures.newest)
        statement.bind(figures.newestID)
        statement.bind(figures.firstID)
        statement.bind(figures.size)
        statement.bind(figures.risk)
        statement.bind(key.connectionKey)
        statement.bind(status)
        statement.bind(key.host)
    }
}
