import Detection
import Foundation
import TestSupport

/// The stored SMB flows the store benchmarks build their stores from: Zeek-style connections from
/// `hostCount` internal hosts (skewed: low-numbered hosts are busier) each to one of its
/// `destinationsPerHost` destinations, spread over the 30 days before `now`. Every
/// `externalEvery`-th flow goes to an external address on TCP 445 or 139 (the rule's matches); the
/// others go to internal file servers.
public struct SMBFlowWorkload: Sendable {
    public let hostCount: Int
    public let destinationsPerHost: Int
    public let externalEvery: Int
    public let now: Date

    public init(hostCount: Int, destinationsPerHost: Int = 20, externalEvery: Int = 1, now: Date) {
        self.hostCount = hostCount
        self.destinationsPerHost = destinationsPerHost
        self.externalEvery = externalEvery
        self.now = now
    }

    /// Internal host `index` (10.0.0.1 upwards).
    public static func hostAddress(_ index: Int) -> IPAddress {
        IPAddress(ipv4: 0x0A00_0000 | UInt32(index + 1))
    }

    /// Flows 0..<`count` in batches of `size`, made as they are asked for (seed 42).
    public func batches(of size: Int, count: Int) -> some Sequence<[IngestedEvent]> {
        var random = SplitMix64(seed: 42)
        return stride(from: 0, to: count, by: size).lazy.map { start in
            (start..<min(count, start + size)).map { self.event($0, random: &random) }
        }
    }

    /// Flow `index`; `random` advances the same way whatever the flow's destination.
    public func event(_ index: Int, random: inout SplitMix64) -> IngestedEvent {
        let skew = Double(random.next(below: 1_000_000)) / 1_000_000
        let host = min(hostCount - 1, Int(skew * skew * Double(hostCount)))
        let slot = UInt32((host * 7 + random.next(below: destinationsPerHost) * 131) % 0x00FF_FFFF)
        let destination = IPAddress(ipv4: index % externalEvery == 0 ? 0x1400_0000 | slot : 0xC0A8_0000 | slot & 0xFFFF)
        let source = Self.hostAddress(host)
        let time = now.addingTimeInterval(-Double(random.next(below: 30 * 86400)))
        let sourceBytes = Int64(random.next(below: 50_000))
        let flowID = "C\(String(random.next(), radix: 36))"
        let event = NetworkEvent(
            timestamp: time, dataset: "zeek.connection", module: "zeek", categories: ["network"],
            types: ["connection", "start"], sourceIPs: [source], sourcePort: 49152 + random.next(below: 16000),
            sourceBytes: sourceBytes, destinationIPs: [destination], destinationPort: index % 9 == 0 ? 139 : 445,
            destinationBytes: sourceBytes / 3, transport: "tcp", applicationProtocol: "smb", flowID: flowID,
            connectionState: "SF")
        let original = #"{"ts":\#(time.timeIntervalSince1970),"uid":"\#(flowID)","id.orig_h":"\#(source)","#
            + #""id.orig_p":\#(event.sourcePort!),"id.resp_h":"\#(destination)","id.resp_p":\#(event.destinationPort!),"#
            + #""proto":"tcp","service":"smb","orig_ip_bytes":\#(sourceBytes),"resp_ip_bytes":\#(sourceBytes / 3),"#
            + #""conn_state":"SF"}"#
        return IngestedEvent(event: event, origin: RecordOrigin(path: "/bench/conn.log", line: index + 1,
                                                               format: "zeek-json", original: original))
    }
}
