import Foundation
import Store

/// When `watch` applies the retention policy: at start, then about once an hour. Each prune
/// works in small transactions (`SMBStore.pruneBatchSize` rows), so a console on the same store
/// waits milliseconds at most.
struct PruneSchedule {
    static let interval: TimeInterval = 3600
    private var next = Date.distantPast

    /// Prunes when one is due at `now`; returns the line to print when something was removed.
    mutating func pruneIfDue(_ store: SMBStore, at now: Date) throws -> String? {
        guard now >= next else { return nil }
        next = now.addingTimeInterval(Self.interval)
        let report = try store.prune(at: now, actor: Analyst.current)
        guard !report.isEmpty else { return nil }
        return "pruned \(report.description) (retention: \(try store.retentionPolicy().description))"
    }
}
