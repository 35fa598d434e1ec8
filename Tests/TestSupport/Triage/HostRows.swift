import TriageModel

/// What an `InMemoryTriageRepository` holds for one internal host: its destinations, the alerts on
/// its flows and its SMB flows.
public struct HostRows: Sendable {
    public var destinations: [DestinationSummary]
    public var alerts: [AlertRecord]
    public var flows: [StoredFlow]

    public init(destinations: [DestinationSummary] = [], alerts: [AlertRecord] = [], flows: [StoredFlow] = []) {
        self.destinations = destinations
        self.alerts = alerts
        self.flows = flows
    }
}
