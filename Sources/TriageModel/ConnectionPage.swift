/// A page of a host's alert list grouped by connection (`ConnectionAlerts`), with how many
/// connections and how many alerts the whole query selects ("12 connections · 31 alerts").
public struct ConnectionPage: Hashable, Sendable {
    public var rows: [ConnectionAlerts]
    public var connections: Int
    public var alerts: Int

    public init(rows: [ConnectionAlerts], connections: Int, alerts: Int) {
        self.rows = rows
        self.connections = connections
        self.alerts = alerts
    }
}
