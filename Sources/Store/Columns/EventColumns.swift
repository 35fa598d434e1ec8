import Detection
import Foundation
import GRDB
import TriageModel

/// How a `NetworkEvent` and its origin map to the columns of `event`: one list of columns for
/// writing and one for reading, so both directions stay in step.
enum EventColumns {
    /// The event fields, in the order `bind(_:to:)` binds them.
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

    /// The columns `flow(from:startingAt:)` reads, qualified with the table alias `e`.
    static let selection = (["id", "ingested_at", "origin_path", "origin_line", "origin_format", "original"]
        + fieldNames).map { "e.\($0)" }.joined(separator: ", ")

    /// How many columns `selection` reads.
    static let selectionCount = 6 + fieldNames.count

    /// Binds where a record came from: its file, line, format and original text (`original`, as
    /// `StoredRecord` keeps it), in that order.
    static func bind(_ origin: RecordOrigin, storedAs original: Data, to statement: inout RawStatement) {
        statement.bind(origin.path)
        statement.bind(origin.line)
        statement.bind(origin.format)
        statement.bind(original)
    }

    /// Binds the values of `fieldNames` for `event`, in order.
    static func bind(_ event: NetworkEvent, to statement: inout RawStatement) {
        statement.bind(event.timestamp)
        statement.bind(event.start)
        statement.bind(event.end)
        statement.bind(event.durationNanoseconds)
        statement.bind(event.dataset)
        statement.bind(event.module)
        statement.bind(StringList.text(event.categories))
        statement.bind(StringList.text(event.types))
        statement.bind(event.action)
        statement.bind(event.outcome)
        statement.bind(event.code)
        statement.bind(event.sourceIPs.first)
        statement.bind(extraAddresses(event.sourceIPs))
        statement.bind(event.sourcePort)
        statement.bind(event.sourceBytes)
        statement.bind(event.sourcePackets)
        statement.bind(event.sourceDomain)
        statement.bind(event.destinationIPs.first)
        statement.bind(extraAddresses(event.destinationIPs))
        statement.bind(event.destinationPort)
        statement.bind(event.destinationBytes)
        statement.bind(event.destinationPackets)
        statement.bind(event.destinationDomain)
        statement.bind(event.transport)
        statement.bind(event.applicationProtocol)
        statement.bind(event.direction)
        statement.bind(event.communityID)
        statement.bind(event.flowID)
        statement.bind(event.isFinalReport)
        statement.bind(event.connectionState)
        statement.bind(event.observerHostName)
        statement.bind(event.processExecutable)
        statement.bind(event.processID)
        statement.bind(event.userName)
        statement.bind(event.userDomain)
        statement.bind(event.ruleName)
        statement.bind(event.ruleCategory)
        statement.bind(event.severity)
        statement.bind(event.threatName)
    }

    /// The event fields qualified with the table alias `e`, as `event(from:startingAt:)` reads them.
    static let fieldSelection = fieldNames.map { "e.\($0)" }.joined(separator: ", ")

    /// Decodes the columns of `selection`, starting at column `start` of `row`.
    static func flow(from row: Row, startingAt start: Int = 0, isFirstSeenDestination: Bool) -> StoredFlow {
        let id: Int64 = row[start] ?? 0
        let ingestedAt = (row[start + 1] as Double?).map(Date.init(storeSeconds:)) ?? .distantPast
        let origin = RecordOrigin(path: row[start + 2] ?? "", line: row[start + 3] ?? 0, format: row[start + 4] ?? "",
                                  original: StoredRecord.text(of: row[start + 5]))
        return StoredFlow(id: id, event: event(from: row, startingAt: start + 6), origin: origin,
                          ingestedAt: ingestedAt, isFirstSeenDestination: isFirstSeenDestination)
    }

    /// Decodes the columns of `fieldSelection`, starting at column `start` of `row`.
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
            let first = row.address(advance())
            if let all = row.blob(advance()) { return IPAddress.addresses(storeBlob: all) }
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

    /// All addresses as one blob when there is more than one; the first has its own column.
    private static func extraAddresses(_ addresses: [IPAddress]) -> Data? {
        addresses.count > 1 ? IPAddress.storeBlob(addresses) : nil
    }
}
