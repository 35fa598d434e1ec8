import Detection
import Foundation
import TriageModel

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

    /// `HostRanking.rankBase` of a host row made of this delta alone (no alerts, no case): the
    /// writer binds it for a new host, so its INSERT calls no SQL function.
    var rankBase: Int64 {
        HostRanking(openAlerts: 0, acknowledgedAlerts: 0, bytesOut: bytesOut, bytesToNewDestinations: newDestinationBytes,
                    externalDestinations: externalDestinations, unansweredDestinations: unansweredDestinations,
                    newDestinations: newDestinations, idle: 0).rankBase
    }

    /// `host.rank_recent` of that row: `HostRankingSQL.rankRecent(of:)` (the last activity in whole
    /// seconds, toward zero as SQLite's CAST).
    var rankRecent: Int64 {
        rankBase + HostRanking.recencyUnitsPerSecond * Int64(lastSeen.timeIntervalSinceReferenceDate)
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

/// A host and a bucket of its timeline (the bucket's start over its width, since 2001-01-01
/// UTC): a row of `host_flow_day` or `host_flow_hour`.
struct HostBucket: Hashable, Comparable {
    let host: IPAddress
    let bucket: Int64

    static func < (left: HostBucket, right: HostBucket) -> Bool {
        (left.host, left.bucket) < (right.host, right.bucket)
    }
}

/// What one batch changes in hosts' timelines of one bucket width (its table, `TimelineBucket.table`:
/// `host_flow_hour`, `host_flow_day`), applied once per host and bucket. A connection counts as
/// one flow in the bucket of its start, external when any of its records is, with its bytes sent
/// when external: what its `connection` row says. Each link takes out the connection's share as
/// it was and adds it as it is, so a record joining a connection (another sensor's, a later
/// Packetbeat report) moves or grows its share and never counts it twice.
struct TimelineDeltas {
    let width: TimelineBucket
    /// Flows, external flows and bytes out per host and bucket; negative where a connection's
    /// start moved to an earlier bucket.
    private(set) var buckets: [HostBucket: (flows: Int, externalFlows: Int, bytesOut: Int64)] = [:]

    init(_ width: TimelineBucket) {
        self.width = width
    }

    /// Counts what linking one stored record changed.
    mutating func count(_ link: ConnectionLink) {
        let share = Share(link.row, width: width)
        if let previous = link.previous {
            let previousShare = Share(previous, width: width)
            guard previousShare != share else { return }
            add(previousShare, sign: -1)
        }
        add(share, sign: 1)
    }

    /// Counts a connection as it is stored (a lone record, which the v23 migration counts).
    mutating func count(_ connection: ConnectionRow) {
        add(Share(connection, width: width), sign: 1)
    }

    mutating func removeAll() {
        buckets.removeAll()
    }

    mutating func reserveCapacity(_ count: Int) {
        buckets.reserveCapacity(count)
    }

    /// A connection's share of its host's timeline.
    private struct Share: Equatable {
        let key: HostBucket
        let isExternal: Bool
        let bytesOut: Int64

        /// Nil for a connection without a host.
        init?(_ row: ConnectionRow, width: TimelineBucket) {
            guard let host = row.host else { return nil }
            key = HostBucket(host: host, bucket: width.index(of: row.span.start.storeSeconds))
            isExternal = row.isExternal
            bytesOut = row.isExternal ? row.bytesSent : 0
        }
    }

    private mutating func add(_ share: Share?, sign: Int) {
        guard let share else { return }
        var bucket = buckets[share.key] ?? (0, 0, 0)
        bucket.flows += sign
        if share.isExternal { bucket.externalFlows += sign }
        bucket.bytesOut = bucket.bytesOut.saturatingAdding(sign < 0 ? -share.bytesOut : share.bytesOut)
        buckets[share.key] = bucket
    }
}
