import GRDB

extension StoreSchema {
    /// The closed alerts in the order they were closed, in a partial index (v20): a prune finds
    /// the closed alerts its retention lets go there (`SMBStore.pruneClosedAlerts`). Without it,
    /// every prune batch read every closed alert through `alert_status_time` and sorted them:
    /// about 7 s a batch with 1 M closed alerts, each inside a write transaction that ingest and
    /// the console's triage writes waited for. Only writes to a closed alert and removals touch it.
    static func addClosedAlertIndex(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX alert_closed_at ON alert(updated_at) WHERE status = 'closed'")
    }
}
