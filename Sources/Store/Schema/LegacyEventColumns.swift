import Detection
import Foundation

/// The event columns of schema v14 and before, one per field: what the v15 migration
/// (`EventRowCompaction`) reads to write each row's `fields` (`EventFields`).
enum LegacyEventColumns {
    /// The v14 event fields, in the order `event(from:startingAt:)` reads them.
    static let fieldNames = [
        "timestamp", "start_at", "end_at", "duration_ns", "dataset", "module", "categories", "types",
        "action", "outcome", "code",
        "source_ip", "source_ips", "source_port", "source_bytes", "source_packets", "source_domain",
        "destination_ip", "destination_ips", "destination_port", "destination_bytes", "destination_packets",
        "destination_domain", "transport", "application_protocol", "direction", "community_id",
        "flow_id", "is_final", "connection_state", "observer_host",
        "process_executable", "process_id", "user_name", "user_domain",
        "rule_name", "rule_category", "severity", "threat_name",
    ]

    /// Decodes the columns of `fieldNames`, starting at column `start` of `row`.
    static func event(from row: some ColumnReading, startingAt start: Int) -> NetworkEvent {
        var column = Int32(start)
        func advance() -> Int32 {
            defer { column += 1 }
            return column
        }
        func integer() -> Int? { row.int64(advance()).map { Int(truncatingIfNeeded: $0) } }
        func integer64() -> Int64? { row.int64(advance()) }
        func text() -> String? { row.text(advance()) }
        func flag() -> Bool? { row.int64(advance()).map { $0 != 0 } }
        func date() -> Date? { row.double(advance()).map(Date.init(storeSeconds:)) }
        func addresses() -> [IPAddress] {
            let first = row.blob(advance()).flatMap(IPAddress.init(mappedBytes:))
            if let all = row.blob(advance()) { return IPAddress.addresses(mappedBytes: all) }
            return first.map { [$0] } ?? []
        }
        func strings() -> [String] { StringList.strings(text()) }

        var event = NetworkEvent()
        event.timestamp = date()
        event.start = date()
        event.end = date()
        event.durationNanoseconds = integer64()
        event.dataset = text()
        event.module = text()
        event.categories = strings()
        event.types = strings()
        event.action = text()
        event.outcome = text()
        event.code = text()
        event.sourceIPs = addresses()
        event.sourcePort = integer()
        event.sourceBytes = integer64()
        event.sourcePackets = integer64()
        event.sourceDomain = text()
        event.destinationIPs = addresses()
        event.destinationPort = integer()
        event.destinationBytes = integer64()
        event.destinationPackets = integer64()
        event.destinationDomain = text()
        event.transport = text()
        event.applicationProtocol = text()
        event.direction = text()
        event.communityID = text()
        event.flowID = text()
        event.isFinalReport = flag()
        event.connectionState = text()
        event.observerHostName = text()
        event.processExecutable = text()
        event.processID = integer()
        event.userName = text()
        event.userDomain = text()
        event.ruleName = text()
        event.ruleCategory = text()
        event.severity = integer()
        event.threatName = text()
        return event
    }
}
