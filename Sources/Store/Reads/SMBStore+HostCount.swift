import GRDB
import TriageModel

extension SMBStore {
    /// The count of the hosts a list filtered by `filter` shows, as the console's first views
    /// read it from `host_alerted`, the index of the hosts with open or acknowledged alerts (v19):
    /// the hosts with open alerts; the hosts needing attention as the alerted ones (what a host
    /// without a case needs) corrected by each case (a row per host an analyst worked on; CROSS
    /// JOIN keeps the cases the outer loop, where SQLite would scan every host for them). Nil for
    /// any other filter: its count reads the host rows.
    static func hostCountSQL(_ filter: HostFilter) -> String? {
        switch filter {
        case HostFilter(status: .open):
            "SELECT count(*) FROM host INDEXED BY host_alerted WHERE open_alerts > 0"
        case .attention:
            """
            SELECT (SELECT count(*) FROM host INDEXED BY host_alerted WHERE \(StoreSchema.alertedHost))
                 + (SELECT coalesce(sum(coalesce(\(needsAttention), 0) - (\(StoreSchema.alertedHost))), 0)
                    FROM host_case c CROSS JOIN host h ON h.address = c.host)
            """
        default: nil
        }
    }
}
