import Detection
import Foundation

/// One SMB event as the store keeps it: the normalized event, where it came from and when it was
/// ingested. The console's history and alert panes read these.
public struct StoredFlow: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var event: NetworkEvent
    public var origin: RecordOrigin
    public var ingestedAt: Date
    /// True when the flow is the first from its source to this destination (history's first-seen flag).
    public var isFirstSeenDestination: Bool

    public init(id: Int64, event: NetworkEvent, origin: RecordOrigin, ingestedAt: Date, isFirstSeenDestination: Bool) {
        self.id = id
        self.event = event
        self.origin = origin
        self.ingestedAt = ingestedAt
        self.isFirstSeenDestination = isFirstSeenDestination
    }
}
