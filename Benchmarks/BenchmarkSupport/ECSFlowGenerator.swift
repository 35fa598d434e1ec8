import Foundation
import TestSupport

/// Writes deterministic Packetbeat-style flow documents (nested ECS NDJSON, ≈415 bytes a line).
///
/// The mix: 1% internal (RFC 1918) clients to public addresses on TCP 445/139 (what the rule
/// alerts on), 9% internal-to-internal SMB, 30% DNS over UDP, 60% HTTPS; one report in ten is an
/// intermediate one (`flow.final: false`).
public struct ECSFlowGenerator: Sendable {
    /// What kind of flow a line describes.
    public enum FlowKind: Sendable {
        case smbToInternet, internalSMB, dns, https
    }

    private var random: SplitMix64
    private var sequence = 0
    private let startSeconds = 1_795_000_000 // 2026-11-18

    public init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// The kind the next line will have, by its position (deterministic: exactly 1 in 100 alerts).
    static func kind(at sequence: Int) -> FlowKind {
        switch sequence % 100 {
        case 0: .smbToInternet
        case 1...9: .internalSMB
        case 10...39: .dns
        default: .https
        }
    }

    /// The next document, without a line terminator.
    public mutating func nextLine() -> String {
        let kind = Self.kind(at: sequence)
        sequence += 1
        let source = internalAddress()
        let destination: String
        let port: Int
        let transport: String
        switch kind {
        case .smbToInternet:
            destination = publicAddress()
            port = random.next() % 4 == 0 ? 139 : 445
            transport = "tcp"
        case .internalSMB:
            destination = internalAddress()
            port = 445
            transport = "tcp"
        case .dns:
            destination = random.next() % 2 == 0 ? "10.0.0.53" : publicAddress()
            port = 53
            transport = "udp"
        case .https:
            destination = publicAddress()
            port = 443
            transport = "tcp"
        }
        let final = random.next() % 10 != 0
        let time = startSeconds + sequence / 50
        let millis = Int(random.next() % 1000)
        let sourceBytes = Int(random.next() % 90_000) + 60
        let destinationBytes = Int(random.next() % 900_000) + 60
        let sourcePackets = sourceBytes / 700 + 1
        let destinationPackets = destinationBytes / 1_200 + 1
        let stamp = Self.iso8601(seconds: time, millis: millis)
        return #"{"@timestamp":"\#(stamp)","event":{"dataset":"flow","#
            + #""category":["network"],"type":["connection"\#(final ? #","end""# : "")],"action":"network_flow","#
            + #""duration":\#(random.next() % 30_000_000_000)},"flow":{"id":"\#(flowID())","final":\#(final)},"#
            + #""source":{"ip":"\#(source)","port":\#(49_152 + random.next() % 16_000),"bytes":\#(sourceBytes),"#
            + #""packets":\#(sourcePackets)},"destination":{"ip":"\#(destination)","port":\#(port),"#
            + #""bytes":\#(destinationBytes),"packets":\#(destinationPackets)},"network":{"#
            + #""transport":"\#(transport)"},"#
            + #""host":{"name":"sensor-\#(random.next() % 8)"}}"#
    }

    private mutating func internalAddress() -> String {
        switch random.next() % 3 {
        case 0: "10.\(random.next() % 256).\(random.next() % 256).\(random.next() % 254 + 1)"
        case 1: "172.\(16 + random.next() % 16).\(random.next() % 256).\(random.next() % 254 + 1)"
        default: "192.168.\(random.next() % 256).\(random.next() % 254 + 1)"
        }
    }

    private mutating func publicAddress() -> String {
        let firstOctets: [UInt64] = [13, 20, 34, 52, 104, 151, 185, 203]
        return "\(firstOctets[Int(random.next() % 8)]).\(random.next() % 256).\(random.next() % 256).\(random.next() % 254 + 1)"
    }

    private mutating func flowID() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        return String((0..<22).map { _ in alphabet[Int(random.next() % 64)] })
    }

    static func iso8601(seconds: Int, millis: Int) -> String {
        let days = seconds / 86_400
        let secondOfDay = seconds % 86_400
        // Civil date from days since 1970-01-01 (H. Hinnant).
        let shifted = days + 719_468
        let era = shifted / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let millisText = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3_600)):\(two(secondOfDay / 60 % 60)):"
            + "\(two(secondOfDay % 60)).\(millisText)Z"
    }

    /// Writes `count` lines to `path` (replacing it) and returns the bytes written.
    @discardableResult
    public static func write(count: Int, seed: UInt64, to path: String) throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var generator = ECSFlowGenerator(seed: seed)
        var block: [UInt8] = []
        block.reserveCapacity(1 << 22)
        var total = 0
        for _ in 0..<count {
            block.append(contentsOf: generator.nextLine().utf8)
            block.append(0x0A)
            if block.count >= 1 << 22 {
                try handle.write(contentsOf: block)
                total += block.count
                block.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: block)
        return total + block.count
    }
}
