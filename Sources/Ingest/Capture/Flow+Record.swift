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
    /// Written by hand: every value is a number, an address or a name this code chose, so nothing
    /// needs escaping (and a flow's record costs no JSON serializer).
    func document(_ event: NetworkEvent) -> String {
        func endpoint(_ address: IPAddress, _ port: UInt16, _ counts: (packets: UInt64, bytes: UInt64)) -> String {
            #"{"bytes":\#(counts.bytes),"ip":"\#(address)","packets":\#(counts.packets),"port":\#(port)}"#
        }
        let state = tcpState.map { #","state":"\#($0.rawValue)""# } ?? ""
        let communityID = event.communityID.map { #""community_id":"\#($0)","# } ?? ""
        let network = originator.address.isIPv4 ? "ipv4" : "ipv6"
        return #"{"@timestamp":"\#(Self.timestamp(lastTime))","capture":{"first_packet":\#(firstPacket)},"#
            + #""destination":\#(endpoint(responder.address, responder.port, responderCounts)),"#
            + #""event":{"action":"network_flow","category":["network"],"dataset":"network_traffic.flow","#
            + #""duration":\#(lastTime - firstTime),"end":"\#(Self.timestamp(lastTime))","kind":"event","#
            + #""start":"\#(Self.timestamp(firstTime))"\#(state),"type":["connection","end"]},"#
            + #""flow":{"final":true,"id":"\#(flowID)"},"#
            + #""network":{\#(communityID)"transport":"\#(transportName)","type":"\#(network)"},"#
            + #""source":\#(endpoint(originator.address, originator.port, originatorCounts))}"#
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
