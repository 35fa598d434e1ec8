import Foundation

/// One row of a host's alert list: the alerts of one connection, one per sensor's record of it
/// (Elastic's semantics: one alert per matching document), shown once; an action on the row
/// applies to all of them. Rows are formed by `AlertRecord.connectionRowKey`, the one grouping rule.
public struct ConnectionAlerts: Hashable, Sendable, Identifiable {
    /// The connection (`AlertConnection.key`); nil for an alert whose record has none (alone in its row).
    public var key: Int64?
    /// The alerts' ids, ascending; never empty.
    public private(set) var alertIDs: [Int64]
    /// Each alert's status, by id: what a status key decides on (`AlertStatusChange`).
    public private(set) var alertStatuses: [Int64: AlertStatus]
    /// How many of the alerts are in each status (counted once, when the row is made).
    public private(set) var statusCounts: [AlertStatus: Int]
    /// The row's status: the most open of its alerts' (open if any is open, else acknowledged if
    /// any is, else closed), so a row still needing work never reads as done. Kept, as the view
    /// reads it for every row of every frame.
    public private(set) var status: AlertStatus
    /// The highest risk score among the alerts.
    public var riskScore: Int
    /// Notes written on the alerts, all together.
    public var noteCount: Int
    /// The first alert's record: its addresses and ports are the connection's.
    public var flow: StoredFlow
    /// The first alert's reason and close reason.
    public var reason: String
    public var closeReason: String?
    /// The connection's span as every sensor saw it together.
    public var firstSeen: Date
    public var lastSeen: Date
    /// The connection's bytes: the largest any sensor reported (never the sum).
    public var bytesSent: Int64
    public var bytesReceived: Int64
    /// The sensors that reported the connection (`NetworkEvent.sensorName`), sorted.
    public var sensors: [String]

    public init(key: Int64?, alertStatuses: [Int64: AlertStatus], riskScore: Int, noteCount: Int,
                flow: StoredFlow, reason: String, closeReason: String?, firstSeen: Date, lastSeen: Date,
                bytesSent: Int64, bytesReceived: Int64, sensors: [String]) {
        self.key = key
        self.alertIDs = alertStatuses.keys.sorted()
        self.alertStatuses = alertStatuses
        let counts = alertStatuses.values.reduce(into: [AlertStatus: Int]()) { $0[$1, default: 0] += 1 }
        statusCounts = counts
        status = AlertStatus.allCases.first { counts[$0, default: 0] > 0 } ?? .closed
        self.riskScore = riskScore
        self.noteCount = noteCount
        self.flow = flow
        self.reason = reason
        self.closeReason = closeReason
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.bytesSent = bytesSent
        self.bytesReceived = bytesReceived
        self.sensors = sensors
    }

    /// The first alert's id: rows never share an alert, so it names the row.
    public var id: Int64 { alertIDs[0] }


    /// "94" or "94+3": the first alert's id and how many more the row holds.
    public var idText: String { Self.idText(alertIDs) }

    /// "94" or "94+3" for one connection's alert ids, `sortedIDs` ascending and not empty.
    public static func idText(_ sortedIDs: [Int64]) -> String {
        sortedIDs.count == 1 ? "\(sortedIDs[0])" : "\(sortedIDs[0])+\(sortedIDs.count - 1)"
    }
}

extension AlertRecord {
    /// The row of a connection listing this alert belongs to: its connection's key, or (an alert
    /// whose record has no connection) its own id, negated so it never meets a connection's key.
    /// The store groups by the same expression (`coalesce(e.connection_id, -a.id)`).
    public var connectionRowKey: Int64 { connection.key ?? -id }
}
