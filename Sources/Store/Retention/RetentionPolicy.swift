import Foundation

/// How long a store keeps what ages out, in whole days. Open and acknowledged alerts (with the
/// flows they point to), alerts an analyst wrote on (a note or a ticked guide step), notes,
/// exceptions and their hit counts are never removed by age.
public struct RetentionPolicy: Hashable, Sendable {
    /// SMB flows older than this go, except those an alert the store keeps points to; their
    /// daily per-destination summaries stay.
    public var flowDays: Int
    /// Closed alerts whose last status change is older than this go, unless they carry a note or
    /// a ticked guide step.
    public var closedAlertDays: Int
    /// Audit entries older than this go.
    public var auditDays: Int

    public init(flowDays: Int, closedAlertDays: Int, auditDays: Int) {
        self.flowDays = flowDays
        self.closedAlertDays = closedAlertDays
        self.auditDays = auditDays
    }

    /// A month of flows covers a monthly review and the look-back of most investigations; half a
    /// year of closed alerts shows whether a closed finding came back; two years of audit log
    /// outlast every alert it speaks of and match common log-keeping requirements.
    public static let defaults = RetentionPolicy(flowDays: 30, closedAlertDays: 180, auditDays: 730)

    /// The policy as the CLI writes it: `flows 30d, closed alerts 180d, audit 730d`.
    public var description: String {
        "flows \(flowDays)d, closed alerts \(closedAlertDays)d, audit \(auditDays)d"
    }

    /// The time before which `days` days have passed at `now`.
    static func cutoff(_ days: Int, before now: Date) -> Double {
        now.storeSeconds - Double(days) * 86_400
    }
}
