import Detection
import Foundation
import Testing
import TestSupport
@testable import Store

/// `event.fields` (`EventFields`) gives back every field it was given, exactly, whatever the values.
@Suite struct EventFieldsTests {
    /// A random value of each field, or none; the times are near `base` or anywhere.
    private static func randomEvent(_ random: inout SplitMix64, base: Double) -> NetworkEvent {
        func chance() -> Bool { random.next() % 3 != 0 }
        func text() -> String? {
            guard chance() else { return nil }
            switch random.next(below: 4) {
            case 0: return FieldVocabulary.words[random.next(below: FieldVocabulary.words.count)]
            case 1: return ""
            case 2: return "sensor-\(random.next(below: 100)) \u{1B}[31m ünïcødé"
            default: return String(repeating: "x", count: random.next(below: 300))
            }
        }
        func integer() -> Int64? { chance() ? Int64(bitPattern: random.next()) >> random.next(below: 64) : nil }
        func small() -> Int? { integer().map { Int($0) } }
        func time() -> Date? {
            guard chance() else { return nil }
            switch random.next(below: 3) {
            case 0: return Date(storeSeconds: base + Double(random.next(below: 10_000_000)) / 1000)
            case 1: return Date(storeSeconds: base - Double(random.next()) / Double(UInt64.max) * 1e9)
            default: return Date(storeSeconds: Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF))
            }
        }
        func list() -> [String] { (0..<random.next(below: 4)).compactMap { _ in text() ?? "network" } }
        func address() -> IPAddress { IPAddress(high: random.next(), low: random.next()) }
        var event = NetworkEvent(
            timestamp: time(), start: time(), end: time(), durationNanoseconds: integer(), dataset: text(),
            module: text(), categories: list(), types: list(), action: text(), outcome: text(), code: text(),
            sourceIPs: (0..<random.next(below: 3)).map { _ in address() }, sourcePort: small(),
            sourceBytes: integer(), sourcePackets: integer(), sourceDomain: text(),
            destinationIPs: (0..<random.next(below: 4)).map { _ in address() }, destinationPort: small(),
            destinationBytes: integer(), destinationPackets: integer(), destinationDomain: text(),
            transport: text(), applicationProtocol: text(), direction: text(),
            communityID: random.next(below: 2) == 0 ? "1:" + Data((0..<20).map { _ in UInt8(random.next(below: 256)) })
                .base64EncodedString() : text(),
            flowID: text(), isFinalReport: chance() ? random.next(below: 2) == 0 : nil, connectionState: text(),
            observerHostName: text(), processExecutable: text(), processID: small(), userName: text(),
            userDomain: text())
        event.ruleName = text()
        event.ruleCategory = text()
        event.severity = small()
        event.threatName = text()
        return event
    }

    /// The fields the BLOB leaves to columns, as a read of the row sets them.
    private static func columnsOnly(_ event: NetworkEvent) -> NetworkEvent {
        var columns = NetworkEvent()
        columns.sourceIPs = event.sourceIPs
        columns.destinationIPs = Array(event.destinationIPs.prefix(1))
        columns.destinationPort = event.destinationPort
        return columns
    }

    /// `count` random events from `seed`, each with its row's `seen_at` (the first of its times).
    private static func randomEvents(seed: UInt64, count: Int) -> [(event: NetworkEvent, seenAt: Double)] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let event = randomEvent(&random, base: Double(random.next(below: 1_000_000_000)))
            return (event, (event.timestamp ?? event.start ?? event.end)?.storeSeconds ?? 0)
        }
    }

    @Test func everyFieldComesBackExactly() {
        for (event, seenAt) in Self.randomEvents(seed: 16, count: 5_000) {
            var decoded = Self.columnsOnly(event)
            EventFields.decode(EventFields.encoded(event, seenAt: seenAt), seenAt: seenAt, into: &decoded)
            #expect(decoded == event)
        }
    }

    @Test func aPacketbeatFlowTakesFewBytes() {
        let time = Date(storeSeconds: 786_000_000.868)
        let event = NetworkEvent(
            timestamp: time, durationNanoseconds: 2_196_005_324, dataset: "flow", categories: ["network"],
            types: ["connection", "end"], action: "network_flow", sourceIPs: [IPAddress("172.26.121.4")!],
            sourcePort: 49170, sourceBytes: 23784, sourcePackets: 34, destinationIPs: [IPAddress("104.89.143.141")!],
            destinationPort: 139, destinationBytes: 184_308, destinationPackets: 154, transport: "tcp",
            communityID: "1:LQU9qZlK+B5F3KDmev6m5PMibrg=", flowID: "VBGBDqXAdU7SiEmJxbQXu8", isFinalReport: true,
            observerHostName: "sensor-7")
        // As text the fields take about 190 bytes; here the community ID takes 20, each word 1, the
        // time 1 (it is the row's seen_at), the flow id its 22 and a count at most 3.
        #expect(EventFields.encoded(event, seenAt: time.storeSeconds).count <= 85)
    }

    /// The bytes themselves are a stored format: a reordered field, bit or word would still
    /// round-trip but read stored rows wrongly, so two events' encodings are pinned.
    @Test func theEncodingIsPinnedByteForByte() {
        let time = Date(storeSeconds: 786_000_000.868)
        let flow = NetworkEvent(
            timestamp: time, durationNanoseconds: 2_196_005_324, dataset: "flow", categories: ["network"],
            types: ["connection", "end"], action: "network_flow", sourceIPs: [IPAddress("172.26.121.4")!],
            sourcePort: 49170, sourceBytes: 23784, sourcePackets: 34,
            destinationIPs: [IPAddress("104.89.143.141")!, IPAddress("104.89.143.142")!],
            destinationPort: 139, destinationBytes: 184_308, destinationPackets: 154, transport: "tcp",
            communityID: "1:LQU9qZlK+B5F3KDmev6m5PMibrg=", flowID: "VBGBDqXAdU7SiEmJxbQXu8", isFinalReport: true,
            observerHostName: "sensor-7")
        var process = NetworkEvent(
            timestamp: time, end: Date(storeSeconds: 786_000_001.5), dataset: "windows.sysmon_operational",
            module: "sysmon", code: "3", sourceIPs: [IPAddress("10.0.0.5")!], sourcePort: -1,
            destinationIPs: [IPAddress("8.8.8.8")!], destinationPort: 445, transport: "tcp", direction: "egress",
            communityID: "not a v1 id", processExecutable: "C:\\Windows\\System32\\svchost.exe", processID: 4,
            userName: "SYSTEM", userDomain: "NT AUTHORITY")
        process.severity = 2
        let hex = { (event: NetworkEvent) in
            EventFields.encoded(event, seenAt: time.storeSeconds).map { String(format: "%02x", $0) }.joined()
        }
        #expect(hex(flow) == "01d9f39685b001009887a3ae1001011b021f232fa48006d0f30244e8bf16b4024b2c5642474244715841"
                + "6455375369456d4a7862515875381073656e736f722d370100000000000000000000ffff68598f8e2d053da9994af81e45dc"
                + "a0e67afea6e4f3226eb8")
        #expect(hex(process) == "01b598d0f8440080a69a01171933014b5d3e433a5c57696e646f77735c53797374656d33325c737663686f"
                + "73742e657865080c53595354454d184e5420415554484f5249545904166e6f742061207631206964")
    }

    /// Every stored property of `event` in declaration order, as the texts of its items (a
    /// list's items, or the one value).
    private static func fields(_ event: NetworkEvent) -> [[String]] {
        Mirror(reflecting: event).children.map { field in
            let value = Mirror(reflecting: field.value)
            return value.displayStyle == .collection ? value.children.map { String(describing: $0.value) }
                : [String(describing: field.value)]
        }
    }

    @Test func aDamagedValueNeverTrapsAndKeepsWhatCameBeforeTheDamage() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let event = Self.randomEvent(&random, base: 1_000)
            let seenAt = (event.timestamp ?? event.start ?? event.end)?.storeSeconds ?? 0
            var bytes = [UInt8](EventFields.encoded(event, seenAt: seenAt))
            var whole = NetworkEvent()
            EventFields.decode(Data(bytes), seenAt: seenAt, into: &whole)
            let damage = random.next(below: 3)
            switch damage {
            case 0: bytes.removeLast(random.next(below: bytes.count))
            case 1: bytes[random.next(below: bytes.count)] = UInt8(random.next(below: 256))
            default: bytes += (0..<random.next(below: 9)).map { _ in UInt8(random.next(below: 256)) }
            }
            var decoded = NetworkEvent()
            EventFields.decode(Data(bytes), seenAt: seenAt, into: &decoded)
            switch damage {
            case 0:
                // A cut value: every field is the whole value's, left unset, or (a list) the
                // whole list's first items; never another value.
                let unset = Self.fields(NetworkEvent())
                for (field, (value, wholeValue)) in zip(Self.fields(decoded), Self.fields(whole)).enumerated() {
                    #expect(value == wholeValue || value == unset[field] || wholeValue.starts(with: value),
                            "field \(field): \(value)")
                }
            case 2: #expect(decoded == whole, "bytes after the last field are not read")
            default: break
            }
        }
        var decoded = NetworkEvent()
        EventFields.decode(Data([EventFields.version, 0x10, 0x09]), seenAt: 0, into: &decoded)
        #expect(decoded.dataset == FieldVocabulary.words[4])
        EventFields.decode(Data([EventFields.version &+ 1, 0x10, 0x0B]), seenAt: 0, into: &decoded)
        #expect(decoded.dataset == FieldVocabulary.words[4], "an unknown version leaves the event as it was")
    }
}
