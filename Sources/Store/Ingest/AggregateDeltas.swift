import Detection
import Foundation

/// What one batch adds to a host's aggregates, applied once per host when the batch commits.
struct HostDelta {
    var hostName: String?
    var firstSeen: Date
    var lastSeen: Date
    var flows = 0
    var bytesOut: Int64 = 0
    var externalDestinations = 0
    /// May be negative: a destination that answered for the first time leaves the count.
    var unansweredDestinations = 0
    var newDestinations = 0
    var newDestinationBytes: Int64 = 0

    init(seenAt: Date) {
        firstSeen = seenAt
        lastSeen = seenAt
    }

    mutating func see(_ date: Date) {
        firstSeen = min(firstSeen, date)
        lastSeen = max(lastSeen, date)
    }

    /// Adds what applying one external pair's delta (`bytesSent` of it) changed.
    mutating func count(_ change: PairChange, bytesSent: Int64) {
        if change.isNewPair {
            externalDestinations += 1
            if change.isNewDestination { newDestinations += 1 }
            if change.isUnanswered { unansweredDestinations += 1 }
        }
        if change.becameAnswered { unansweredDestinations -= 1 }
        if change.isNewDestination { newDestinationBytes = newDestinationBytes.saturatingAdding(bytesSent) }
    }
}

/// What applying a pair's delta changed for its host.
struct PairChange {
    let isNewPair: Bool
    /// The destination was first contacted `HostRanking.newDestinationGrace` after the host's first activity.
    let isNewDestination: Bool
    /// A destination that was new for the host was now seen earlier, within
    /// `HostRanking.newDestinationGrace` of the host's first activity: it is new no more.
    let endsNewDestination: Bool
    /// A known destination that had never answered did now.
    let becameAnswered: Bool
    /// A new destination that has not answered.
    let isUnanswered: Bool
}

/// What one batch adds to a (host, destination) pair, applied once per pair.
struct PairDelta {
    /// Sorted and distinct (`PortList`).
    var ports: [Int] = []
    var connections = 0
    var bytesSent: Int64 = 0
    var bytesReceived: Int64 = 0
    /// Some record of the pair showed the destination answering (`NetworkEvent.showsReply`).
    var replied = false
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
