import Detection
import Foundation

/// A page of rows and the total the query would return without paging.
public struct Page<Row: Hashable & Sendable>: Hashable, Sendable {
    public var rows: [Row]
    public var total: Int

    public init(rows: [Row], total: Int) {
        self.rows = rows
        self.total = total
    }
}

/// How the hosts list is ordered. `attention` = highest `HostRanking.score` first (docs/RANKING.md).
public enum HostSort: String, Hashable, Sendable, CaseIterable {
    case attention, bytesOut, lastSeen, address, destinations
}

/// Which hosts the hosts list shows.
public struct HostFilter: Hashable, Sendable {
    /// Substring matched against the address text and the hostname; empty matches all.
    public var text: String
    /// Only hosts with at least one alert in this status; nil for all hosts.
    public var status: AlertStatus?
    /// Only hosts that are cases in one of these states; nil for all hosts, cases or not.
    public var caseStates: Set<CaseState>?
    /// Only the hosts that need attention (`HostSummary.needsAttention`: open alerts or an open case).
    public var needsAttention: Bool

    public init(text: String = "", status: AlertStatus? = nil, caseStates: Set<CaseState>? = nil, needsAttention: Bool = false) {
        self.text = text
        self.status = status
        self.caseStates = caseStates
        self.needsAttention = needsAttention
    }

    /// The hosts that need attention: the console's home view.
    public static let attention = HostFilter(needsAttention: true)
}

/// Which alerts a listing shows.
public struct AlertQuery: Hashable, Sendable {
    public var status: AlertStatus?
    public var host: IPAddress?
    public var destination: IPAddress?
    /// Alerts on events at or after this time.
    public var since: Date?

    public init(status: AlertStatus? = nil, host: IPAddress? = nil, destination: IPAddress? = nil, since: Date? = nil) {
        self.status = status
        self.host = host
        self.destination = destination
        self.since = since
    }
}

/// The bucket width of a host's activity timeline.
public enum TimelineBucket: String, Hashable, Sendable, CaseIterable {
    case hour, day

    public var seconds: TimeInterval { self == .hour ? 3600 : 86400 }
}

/// One bucket of a host's SMB activity.
public struct TimelinePoint: Hashable, Sendable {
    public var start: Date
    /// Stored flows and pruned ones alike.
    public var flows: Int
    public var bytesOut: Int64
    public var externalFlows: Int
    /// How many of `flows` were pruned and are counted from their daily summaries.
    public var summarizedFlows: Int

    public init(start: Date, flows: Int, bytesOut: Int64, externalFlows: Int, summarizedFlows: Int = 0) {
        self.start = start
        self.flows = flows
        self.bytesOut = bytesOut
        self.externalFlows = externalFlows
        self.summarizedFlows = summarizedFlows
    }
}

/// What adding an exception did: the stored record and the open alerts it closed.
public struct ExceptionAddResult: Hashable, Sendable {
    public var record: ExceptionRecord
    public var closedAlertIDs: [Int64]

    public init(record: ExceptionRecord, closedAlertIDs: [Int64]) {
        self.record = record
        self.closedAlertIDs = closedAlertIDs
    }
}
