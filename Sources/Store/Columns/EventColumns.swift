import Detection
import Foundation
import GRDB

/// How a `NetworkEvent` and its origin map to the columns of `event`: one list of columns for
/// writing and one for reading, so both directions stay in step.
enum EventColumns {
    /// The event fields, in the order `values(of:)` gives them.
    static let fieldNames = [
        "timestamp", "start_at", "end_at", "duration_ns", "dataset", "module", "categories", "types",
        "action", "outcome", "code",
        "source_ip", "source_ips", "source_port", "source_bytes", "source_packets", "source_domain",
        "destination_ip", "destination_ips", "destination_port", "destination_bytes", "destination_packets",
        "destination_domain", "transport", "application_protocol", "direction", "community_id",
        "flow_id", "is_final", "connection_state", "observer_host",
        "process_executable", "process_id", "user_name", "user_domain",
    ]

    /// The columns `flow(from:startingAt:)` reads, qualified with the table alias `e`.
    static let selection = (["id", "ingested_at", "origin_path", "origin_line", "origin_format", "original"]
        + fieldNames).map { "e.\($0)" }.joined(separator: ", ")

    /// How many columns `selection` reads.
    static let selectionCount = 6 + fieldNames.count

    /// The values of `fieldNames` for `event`.
    static func values(of event: NetworkEvent) -> [(any DatabaseValueConvertible)?] {
        [
            event.timestamp?.storeSeconds, event.start?.storeSeconds, event.end?.storeSeconds,
            event.durationNanoseconds, event.dataset, event.module, StringList.text(event.categories),
            StringList.text(event.types), event.action, event.outcome, event.code,
            event.sourceIPs.first?.storeBlob, extraAddresses(event.sourceIPs), event.sourcePort,
            event.sourceBytes, event.sourcePackets, event.sourceDomain,
            event.destinationIPs.first?.storeBlob, extraAddresses(event.destinationIPs), event.destinationPort,
            event.destinationBytes, event.destinationPackets, event.destinationDomain,
            event.transport, event.applicationProtocol, event.direction, event.communityID,
            event.flowID, event.isFinalReport, event.connectionState, event.observerHostName,
            event.processExecutable, event.processID, event.userName, event.userDomain,
        ]
    }

    /// The event fields qualified with the table alias `e`, as `event(from:startingAt:)` reads them.
    static let fieldSelection = fieldNames.map { "e.\($0)" }.joined(separator: ", ")

    /// Decodes the columns of `selection`, starting at column `start` of `row`.
    static func flow(from row: Row, startingAt start: Int = 0, isFirstSeenDestination: Bool) -> StoredFlow {
        let id: Int64 = row[start] ?? 0
        let ingestedAt = (row[start + 1] as Double?).map(Date.init(storeSeconds:)) ?? .distantPast
        let origin = RecordOrigin(path: row[start + 2] ?? "", line: row[start + 3] ?? 0, format: row[start + 4] ?? "",
                                  original: row[start + 5] ?? "")
        return StoredFlow(id: id, event: event(from: row, startingAt: start + 6), origin: origin,
                          ingestedAt: ingestedAt, isFirstSeenDestination: isFirstSeenDestination)
    }

    /// Decodes the columns of `fieldSelection`, starting at column `start` of `row`.
    static func event(from row: Row, startingAt start: Int) -> NetworkEvent {
        // Concrete accessors decode straight from the statement (GRDB's fast path) when `row`
        // comes from a cursor.
        var column = start
        func advance() -> Int {
            defer { column += 1 }
            return column
        }
        func integer() -> Int? { row[advance()] }
        func integer64() -> Int64? { row[advance()] }
        func text() -> String? { row[advance()] }
        func blob() -> Data? { row[advance()] }
        func flag() -> Bool? { row[advance()] }
        func date() -> Date? { (row[advance()] as Double?).map(Date.init(storeSeconds:)) }
        func addresses() -> [IPAddress] {
            let first = blob()
            if let all = blob() { return IPAddress.addresses(storeBlob: all) }
            return first.flatMap(IPAddress.init(storeBlob:)).map { [$0] } ?? []
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
        return event
    }

    /// All addresses as one blob when there is more than one; the first has its own column.
    private static func extraAddresses(_ addresses: [IPAddress]) -> Data? {
        addresses.count > 1 ? IPAddress.storeBlob(addresses) : nil
    }
}
