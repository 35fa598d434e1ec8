import Store

/// What `prune --json` removed (or would remove, with `--dry-run`) and the store's size around it.
public struct PruneDocument: Encodable, Sendable {
    var dryRun: Bool
    var flows, closedAlerts, auditEntries: Int
    var bytesBefore, bytesAfter: Int64
    var switchedOnIncrementalVacuum: Bool

    public init(_ report: PruneReport, dryRun: Bool, bytesBefore: Int64, bytesAfter: Int64,
                switchedOnIncrementalVacuum: Bool) {
        self.dryRun = dryRun
        flows = report.flows
        closedAlerts = report.closedAlerts
        auditEntries = report.auditEntries
        self.bytesBefore = bytesBefore
        self.bytesAfter = bytesAfter
        self.switchedOnIncrementalVacuum = switchedOnIncrementalVacuum
    }

    enum CodingKeys: String, CodingKey {
        case dryRun = "dry_run", flows, closedAlerts = "closed_alerts", auditEntries = "audit_entries"
        case bytesBefore = "bytes_before", bytesAfter = "bytes_after"
        case switchedOnIncrementalVacuum = "switched_on_incremental_vacuum"
    }
}
