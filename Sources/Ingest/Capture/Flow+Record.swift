import Detection
import Foundation

extension Flow {
    /// The flow as an ingested event: its origin is the capture and the flow's first packet, and
    /// its record text the Packetbeat-shaped JSON document the console shows as the raw record.
    func ingested(path: String) -> IngestedEvent {
        let event = networkEvent
        return IngestedEvent(
            event: event,
            origin: RecordOrigin(path: path, line: firstPacket, format: LogFormat.pcap.rawValue, original: document(event))
        )
    }

    /// One line of JSON, keys sorted, times with nanoseconds: the same flow always reads the same.
    func document(_ event: NetworkEvent) -> String {
        func endpoint(_ address: IPAddress, _ port: UInt16, packets: UInt64, bytes: UInt64) -> [String: Any] {
            ["ip": address.description, "port": Int(port), "packets": packets, "bytes": bytes]
        }
        var eventFields: [String: Any] = [
            "dataset": "network_traffic.flow", "kind": "event", "category": ["network"], "type": ["connection", "end"],
            "action": "network_flow", "start": Self.timestamp(firstTime), "end": Self.timestamp(lastTime),
            "duration": lastTime - firstTime,
        ]
        if let state = tcpState { eventFields["state"] = state.rawValue }
        var network: [String: Any] = ["transport": transportName, "type": originator.address.isIPv4 ? "ipv4" : "ipv6"]
        if let communityID = event.communityID { network["community_id"] = communityID }
        let document: [String: Any] = [
            "@timestamp": Self.timestamp(lastTime), "event": eventFields, "network": network,
            "source": endpoint(originator.address, originator.port, packets: originatorCounts.packets, bytes: originatorCounts.bytes),
            "destination": endpoint(responder.address, responder.port, packets: responderCounts.packets, bytes: responderCounts.bytes),
            "flow": ["id": flowID, "final": true],
            "capture": ["first_packet": firstPacket],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// RFC 3339 in UTC with nanoseconds, e.g. `2017-12-20T10:11:12.123456789Z`.
    static func timestamp(_ nanoseconds: Int64) -> String {
        let (seconds, fraction) = nanoseconds.quotientAndRemainder(dividingBy: 1_000_000_000)
        let (wholeSeconds, nanos) = fraction < 0 ? (seconds - 1, fraction + 1_000_000_000) : (seconds, fraction)
        var time = time_t(wholeSeconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let digits = String(nanos)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec)
            + String(repeating: "0", count: 9 - digits.count) + digits + "Z"
    }
}
