import Detection
import Foundation

/// What one batch adds to a host's aggregates, applied once per host when the batch commits.
struct HostDelta {
    var hostName: String?
    var firstSeen: Date
    var lastSeen: Date
    var flows = 0
    var bytesOut: Int64 = 0

    init(seenAt: Date) {
        firstSeen = seenAt
        lastSeen = seenAt
    }

    mutating func see(_ date: Date) {
        firstSeen = min(firstSeen, date)
        lastSeen = max(lastSeen, date)
    }
}

/// What one batch adds to a (host, destination) pair, applied once per pair.
struct PairDelta {
    /// Sorted and distinct (`PortList`).
    var ports: [Int] = []
    var connections = 0
    var bytesSent: Int64 = 0
    var bytesReceived: Int64 = 0
    var firstSeen: Date
    var firstEventID: Int64
    var lastSeen: Date
    let isExternal: Bool

    init(seenAt: Date, eventID: Int64, isExternal: Bool) {
        firstSeen = seenAt
        firstEventID = eventID
        lastSeen = seenAt
        self.isExternal = isExternal
    }

    mutating func see(_ date: Date, eventID: Int64) {
        if date < firstSeen {
            firstSeen = date
            firstEventID = eventID
        }
        lastSeen = max(lastSeen, date)
    }
}

/// A (host, destination) pair as a dictionary key.
struct AddressPair: Hashable {
    let host: IPAddress
    let destination: IPAddress
}
