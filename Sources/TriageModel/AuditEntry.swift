import Detection
import Foundation

/// One triage change in the audit log: who did what to which alert, case or exception, and when.
public struct AuditEntry: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var at: Date
    public var actor: String
    /// e.g. `alert.acknowledge`, `alert.close`, `exception.add`, `note.add`, `case.state`, `case.reopen`.
    public var action: String
    /// The alert uuid, exception id or case (its host's address) acted on.
    public var target: String
    public var detail: String
    /// The alert's id (the console's and the CLI's alert number) when the target is an alert.
    public var alertID: Int64?
    /// The internal source host when the target is an alert or a case.
    public var host: IPAddress?

    public init(id: Int64, at: Date, actor: String, action: String, target: String, detail: String,
                alertID: Int64? = nil, host: IPAddress? = nil) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.detail = detail
        self.alertID = alertID
        self.host = host
    }
}
