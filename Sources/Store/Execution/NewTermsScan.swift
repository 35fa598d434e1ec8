import Detection
import Foundation

/// Where a new-terms execution stands across its write transactions: the history window, the
/// `source.ip` values it examined so far and whether it stopped at its limit of values.
///
/// Semantics (RULE.md "Later versions of the same rule"; Elastic's docs on the new terms rule
/// type, security-docs issue #2257 for Kibana PRs #131010 and #134526, and the "New terms rules"
/// page, elastic.co/docs/solutions/security/detect-and-alert/new-terms): a value is new when no
/// document matching the query (with exceptions) carries it between `history_window_start` and
/// the start of the execution's look-back window, on the rule's timestamp field (ingest time).
/// A field holding an array is a set of values, each a term of its own: Kibana's docs say a
/// document with an array "may have multiple new terms … one alert for each new value". So an
/// array adds nothing new when every value in it was seen, however the values were combined.
/// The store keeps one alert per event, so a document carrying several new values gets one
/// alert, which stands for each of them.
///
/// Caps: the execution examines at most 5 × max_signals values; documents past that stay
/// undecided in the queue for the next execution. Each new value's document waits in
/// `pending_match` and the pending phase alerts the oldest up to max_signals; the rest stay
/// pending for later executions, which alert them without asking the history again (they were
/// new when found; their documents now sit in those executions' history, so the same host is
/// not alerted twice).
struct NewTermsScan {
    /// The history window on ingest time: [historyStart, windowStart).
    let historyStart: Double
    let windowStart: Double
    /// The execution's time: the end of its look-back window.
    let end: Double
    /// At most this many values per execution (5 × max_signals).
    let valueLimit: Int
    private(set) var examined: Set<IPAddress> = []
    private(set) var isLimitReached = false

    init(rule: DetectionRule, at time: Date, windowStart: Date) throws(StoreError) {
        let history = try LookbackWindow(rule.historyWindowStart ?? rule.from)
        historyStart = history.start(endingAt: time).storeSeconds
        self.windowStart = windowStart.storeSeconds
        end = time.storeSeconds
        valueLimit = 5 * rule.maxSignals
    }

    /// The values of `event` this execution has not examined yet, now examined; nil (and the
    /// scan stops) when they would take it past its limit. The first document is always
    /// examined, so every execution makes progress.
    mutating func examine(_ event: NetworkEvent) -> Set<IPAddress>? {
        let unexamined = Set(event.sourceIPs).subtracting(examined)
        guard examined.isEmpty || examined.count + unexamined.count <= valueLimit else {
            isLimitReached = true
            return nil
        }
        examined.formUnion(unexamined)
        return unexamined
    }
}
