/// What one prune removed (or, for a dry run, would remove).
public struct PruneReport: Hashable, Sendable {
    /// SMB flows removed; their daily summaries are kept.
    public var flows = 0
    /// Closed alerts removed.
    public var closedAlerts = 0
    /// Audit entries removed.
    public var auditEntries = 0

    public init(flows: Int = 0, closedAlerts: Int = 0, auditEntries: Int = 0) {
        self.flows = flows
        self.closedAlerts = closedAlerts
        self.auditEntries = auditEntries
    }

    /// True when nothing was (or would be) removed.
    public var isEmpty: Bool { flows == 0 && closedAlerts == 0 && auditEntries == 0 }

    /// `3 flows, 1 closed alert, 0 audit entries`.
    public var description: String {
        func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
            "\(count) \(count == 1 ? singular : plural)"
        }
        return [counted(flows, "flow", "flows"), counted(closedAlerts, "closed alert", "closed alerts"),
                counted(auditEntries, "audit entry", "audit entries")].joined(separator: ", ")
    }
}
