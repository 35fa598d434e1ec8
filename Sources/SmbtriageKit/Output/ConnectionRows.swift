import Foundation
import TriageModel

/// The alerts of a listing grouped by connection, in the order each connection's first alert
/// came: one row per connection, whichever sensors' records alerted.
public struct ConnectionRows {
    /// One connection's alerts, in listing order.
    public struct Group {
        public var alerts: [AlertRecord]

        /// The alert ids, ascending ("12" or "12+3": the first and how many more).
        public var idText: String { ConnectionAlerts.idText(alerts.map(\.id).sorted()) }

        /// "zeek.connection, network_traffic.flow, panw.panos@PA-3220".
        public var seenBy: String {
            let sensors = alerts.first?.connection.sensors ?? []
            return sensors.isEmpty ? "-" : sensors.joined(separator: ", ")
        }

        /// One status when all agree, else each with its count ("open 2, acknowledged 1").
        public var statusText: String {
            let counts = Dictionary(grouping: alerts, by: \.status).mapValues(\.count)
            guard counts.count > 1 else { return alerts.first?.status.rawValue ?? "-" }
            return AlertStatus.allCases.compactMap { status in counts[status].map { "\(status.rawValue) \($0)" } }
                .joined(separator: ", ")
        }
    }

    public private(set) var groups: [Group] = []
    private var indexByKey: [Int64: Int] = [:]

    public init() {}

    /// Adds `alert` to its connection's row (`AlertRecord.connectionRowKey`, the rule the
    /// console's grouped rows follow too), or starts that row.
    public mutating func add(_ alert: AlertRecord) {
        let key = alert.connectionRowKey
        if let index = indexByKey[key] {
            groups[index].alerts.append(alert)
        } else {
            indexByKey[key] = groups.count
            groups.append(Group(alerts: [alert]))
        }
    }
}
