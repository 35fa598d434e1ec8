import Foundation
import GRDB

/// The SQL that picks what a prune removes at one time under one policy, shared by the prune
/// and its dry run so both count the same rows.
struct PruneCriteria {
    let flowCutoff: Double
    let closedAlertCutoff: Double
    let auditCutoff: Double

    init(policy: RetentionPolicy, now: Date) {
        flowCutoff = RetentionPolicy.cutoff(policy.flowDays, before: now)
        closedAlertCutoff = RetentionPolicy.cutoff(policy.closedAlertDays, before: now)
        auditCutoff = RetentionPolicy.cutoff(policy.auditDays, before: now)
    }

    /// Closed alerts (alias `a`) closed before the cutoff that no analyst wrote a note on (the
    /// guide checklist is the case's, which outlives its alerts). One argument: `closedAlertCutoff`.
    static let prunableAlert = """
        a.status = 'closed' AND a.updated_at < ?
        AND NOT EXISTS (SELECT 1 FROM alert_note n WHERE n.alert_id = a.id)
        """

    /// The prunable closed alerts' ids, hosts, destinations and closing times, oldest closed
    /// first from a cursor on (updated_at, id), found through the closed alerts' own index (v20)
    /// rather than every closed alert. Arguments: `closedAlertArguments(after:)`.
    static let closedAlerts = """
        SELECT a.id, a.host, a.destination, a.updated_at FROM alert a INDEXED BY alert_closed_at
        WHERE \(prunableAlert) AND (a.updated_at, a.id) > (?, ?) ORDER BY a.updated_at, a.id
        """

    /// The cutoff, then the (updated_at, id) of the last closed alert a batch read: the ones
    /// before it that are still there carry a note, and a batch passes over them no more.
    func closedAlertArguments(after cursor: ClosedAlertCursor?) -> StatementArguments {
        [closedAlertCutoff, cursor?.closedAt ?? -Double.greatestFiniteMagnitude, cursor?.id ?? 0]
    }

    /// Flows (alias `e`) seen before the cutoff that no kept alert points to and no execution
    /// still has to decide (queued or pending). Arguments: `flowCutoff`, `closedAlertCutoff`.
    static let prunableFlow = """
        e.seen_at < ?
        AND NOT EXISTS (SELECT 1 FROM alert a WHERE a.event_id = e.id AND NOT (\(prunableAlert)))
        AND NOT EXISTS (SELECT 1 FROM pending_match p WHERE p.seen_at = e.seen_at AND p.event_id = e.id)
        AND NOT EXISTS (SELECT 1 FROM detection_queue q WHERE q.ingested_at = e.ingested_at AND q.event_id = e.id)
        """

    /// Prunable flows host by host from `cursor` on (hosts in address order, each through its
    /// (source_ip, seen_at) index), so no prune scans the whole event table; then those without
    /// a source address. Arguments: `hostFlowArguments(from:)`.
    static let hostFlows = """
        SELECT e.id, h.address FROM host h CROSS JOIN event e
        WHERE h.address >= ? AND h.first_seen < ? AND e.source_ip = h.address AND \(prunableFlow)
        ORDER BY h.address
        """
    static let addresslessFlows = "SELECT e.id FROM event e WHERE e.source_ip IS NULL AND \(prunableFlow)"

    func hostFlowArguments(from cursor: Data) -> StatementArguments {
        [cursor, flowCutoff, flowCutoff, closedAlertCutoff]
    }

    var flowArguments: StatementArguments { [flowCutoff, closedAlertCutoff] }

    /// What a prune at this time would remove, without removing anything.
    func count(_ db: Database) throws -> PruneReport {
        let alerts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(Self.closedAlerts))",
                                      arguments: closedAlertArguments(after: nil)) ?? 0
        let hostFlows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(Self.hostFlows))",
                                         arguments: hostFlowArguments(from: Data())) ?? 0
        let addresslessFlows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(Self.addresslessFlows))",
                                                arguments: flowArguments) ?? 0
        let audit = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit WHERE at < ?", arguments: [auditCutoff]) ?? 0
        return PruneReport(flows: hostFlows + addresslessFlows, closedAlerts: alerts, auditEntries: audit)
    }
}

/// Where a prune's last batch of closed alerts ended: the closing time and id of its last alert.
struct ClosedAlertCursor {
    let closedAt: Double
    let id: Int64
}
