import Store

/// What a store holds, in `store --json`.
public struct StoreStatisticsDocument: Encodable, Sendable {
    var path: String
    var flows, flowSummaries, summarizedFlows, openAlerts, acknowledgedAlerts, closedAlerts: Int
    var hosts, exceptions, notes, auditEntries: Int
    var oldestFlow, newestFlow: Nullable<String>
    var databaseBytes, walBytes: Int64
    var retention: RetentionPolicyDocument
    var incrementalVacuum: Bool

    public init(_ statistics: StoreStatistics, path: String) {
        self.path = path
        flows = statistics.flows
        flowSummaries = statistics.flowSummaries
        summarizedFlows = statistics.summarizedFlows
        openAlerts = statistics.openAlerts
        acknowledgedAlerts = statistics.acknowledgedAlerts
        closedAlerts = statistics.closedAlerts
        hosts = statistics.hosts
        exceptions = statistics.exceptions
        notes = statistics.notes
        auditEntries = statistics.auditEntries
        oldestFlow = Nullable(statistics.oldestFlow.map(JSONLines.date))
        newestFlow = Nullable(statistics.newestFlow.map(JSONLines.date))
        databaseBytes = statistics.databaseBytes
        walBytes = statistics.walBytes
        retention = RetentionPolicyDocument(statistics.policy)
        incrementalVacuum = statistics.vacuumsIncrementally
    }

    enum CodingKeys: String, CodingKey {
        case path, flows, flowSummaries = "flow_summaries", summarizedFlows = "summarized_flows"
        case openAlerts = "open_alerts", acknowledgedAlerts = "acknowledged_alerts", closedAlerts = "closed_alerts"
        case hosts, exceptions, notes, auditEntries = "audit_entries", oldestFlow = "oldest_flow"
        case newestFlow = "newest_flow", databaseBytes = "database_bytes", walBytes = "wal_bytes", retention
        case incrementalVacuum = "incremental_vacuum"
    }
}
