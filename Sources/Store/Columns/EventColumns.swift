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
            event.durationNanoseconds, event.dataset, event.module, jsonArray(event.categories),
            jsonArray(event.types), event.action, event.outcome, event.code,
            event.sourceIPs.first?.storeBlob, extraAddresses(event.sourceIPs), event.sourcePort,
            event.sourceBytes, event.sourcePackets, event.sourceDomain,
            event.destinationIPs.first?.storeBlob, extraAddresses(event.destinationIPs), event.destinationPort,
            event.destinationBytes, event.destinationPackets, event.destinationDomain,
            event.transport, event.applicationProtocol, event.direction, event.communityID,
            event.flowID, event.isFinalReport, event.connectionState, event.observerHostName,
            event.processExecutable, event.processID, event.userName, event.userDomain,
        ]
    }

    /// Decodes the columns of `selection`, starting at column `start` of `row`.
    static func flow(from row: Row, startingAt start: Int = 0, isFirstSeenDestination: Bool) -> StoredFlow {
        var column = start
        func next<Value: DatabaseValueConvertible>() -> Value? {
            defer { column += 1 }
            return row[column]
        }
        func date() -> Date? { (next() as Double?).map(Date.init(storeSeconds:)) }
        func addresses() -> [IPAddress] {
            let first: Data? = next()
            let all: Data? = next()
            if let all { return IPAddress.addresses(storeBlob: all) }
            return first.flatMap(IPAddress.init(storeBlob:)).map { [$0] } ?? []
        }
        func strings() -> [String] { stringArray(next()) }

        let id: Int64 = next() ?? 0
        let ingestedAt = date() ?? .distantPast
        let origin = RecordOrigin(path: next() ?? "", line: next() ?? 0, format: next() ?? "", original: next() ?? "")
        var event = NetworkEvent()
        event.timestamp = date()
        event.start = date()
        event.end = date()
        event.durationNanoseconds = next()
        event.dataset = next()
        event.module = next()
        event.categories = strings()
        event.types = strings()
        event.action = next()
        event.outcome = next()
        event.code = next()
        event.sourceIPs = addresses()
        event.sourcePort = next()
        event.sourceBytes = next()
        event.sourcePackets = next()
        event.sourceDomain = next()
        event.destinationIPs = addresses()
        event.destinationPort = next()
        event.destinationBytes = next()
        event.destinationPackets = next()
        event.destinationDomain = next()
        event.transport = next()
        event.applicationProtocol = next()
        event.direction = next()
        event.communityID = next()
        event.flowID = next()
        event.isFinalReport = next()
        event.connectionState = next()
        event.observerHostName = next()
        event.processExecutable = next()
        event.processID = next()
        event.userName = next()
        event.userDomain = next()
        return StoredFlow(id: id, event: event, origin: origin, ingestedAt: ingestedAt,
                          isFirstSeenDestination: isFirstSeenDestination)
    }

    /// All addresses as one blob when there is more than one; the first has its own column.
    private static func extraAddresses(_ addresses: [IPAddress]) -> Data? {
        addresses.count > 1 ? IPAddress.storeBlob(addresses) : nil
    }

    /// A string array as JSON text (exact for any content), nil when empty.
    private static func jsonArray(_ strings: [String]) -> String? {
        guard !strings.isEmpty, let data = try? JSONSerialization.data(withJSONObject: strings) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    private static func stringArray(_ json: String?) -> [String] {
        guard let json, let array = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String] else {
            return []
        }
        return array
    }
}
