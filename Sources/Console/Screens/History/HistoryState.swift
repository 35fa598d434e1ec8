import Detection
import TriageModel

/// A host's SMB history: the activity timeline and every flow, newest first.
struct HistoryState: Hashable, Sendable {
    /// What the timeline's bars measure.
    enum Metric: Hashable, Sendable { case flows, bytesOut }

    var address: IPAddress
    var bucket = TimelineBucket.hour
    var metric = Metric.flows
    var timeline = HostTimeline.empty
    var flows = PagedList<StoredFlow>()
    /// Newest first by TIME; reversed, the store pages oldest first.
    var order = ListOrder(column: 0, descending: true)
}
