import Store
import TriageModel

/// An audit log entry in `audit --json`.
public struct AuditEntryDocument: Encodable, Sendable {
    var id: Int64
    var timestamp, actor, action, target, detail: String
    var alertID: Nullable<Int64>
    var host: Nullable<String>

    public init(_ entry: AuditEntry) {
        id = entry.id
        timestamp = JSONLines.date(entry.at)
        actor = entry.actor
        action = entry.action
        target = entry.target
        detail = entry.detail
        alertID = Nullable(entry.alertID)
        host = Nullable(entry.host.map { "\($0)" })
    }

    enum CodingKeys: String, CodingKey {
        case id, timestamp = "@timestamp", actor, action, target, detail
        case alertID = "smbtriage.alert.id", host = "source.ip"
    }
}
