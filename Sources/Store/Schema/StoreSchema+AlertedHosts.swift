import GRDB

extension StoreSchema {
    /// The hosts with open or acknowledged alerts, in a partial index (v19): the console's first
    /// views (open alerts, hosts needing attention) count their hosts from it
    /// (`SMBStore.hostCountSQL`), where the count read every host row (7–14 ms at 100 k hosts).
    /// Only a statement that sets an alert count touches it; the writer's host upsert sets none.
    static func addAlertedHostIndex(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX host_alerted ON host(open_alerts, acknowledged_alerts) WHERE \(alertedHost)")
    }

    /// What `host_alerted` holds, on a host row: at least one open or acknowledged alert.
    static let alertedHost = "open_alerts > 0 OR acknowledged_alerts > 0"
}
