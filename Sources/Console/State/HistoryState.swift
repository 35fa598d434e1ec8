import Detection
import Store

/// A host's SMB history: the activity timeline and every flow, newest first.
struct HistoryState: Hashable, Sendable {
    var address: IPAddress
    var bucket = TimelineBucket.hour
    var timeline: [TimelinePoint] = []
    var flows = PagedList<StoredFlow>()
}
