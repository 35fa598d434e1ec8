import Detection
import Foundation
import Testing
import TestSupport
@testable import Store

@Suite("Column encodings and fingerprints")
struct EncodingTests {
    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// `vectors_sip128` of the reference implementation: key 00…0f, message 00…(n−1).
    @Test(arguments: [
        (0, "a3817f04ba25a8e66df67214c7550293"), (1, "da87c1d86b99af44347659119b22fc45"),
        (7, "a1f1ebbed8dbc153c0b84aa61ff08239"), (8, "3b62a9ba6258f5610f83e264f31497b4"),
        (15, "5493e99933b0a8117e08ec0f97cfc3d9"), (16, "6ee2a4ca67b054bbfd3315bf85230577"),
        (63, "5150d1772f50834a503e069a973fbd7c"),
    ])
    func sipHash128MatchesTheReferenceVectors(length: Int, expected: String) {
        let message = (0..<length).map { UInt8($0) }
        let tag = message.withUnsafeBytes {
            SipHash128.tag(of: $0, k0: 0x0706_0504_0302_0100, k1: 0x0f0e_0d0c_0b0a_0908)
        }
        #expect(hex(tag) == expected)
    }

    @Test func aMessageHashedInPartsHasTheTagOfTheWhole() {
        var random = SplitMix64(seed: 16)
        for _ in 0..<2_000 {
            let message = (0..<random.next(below: 41)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let cuts = [random.next(below: message.count + 1), random.next(below: message.count + 1)].sorted()
            var hasher = SipHash128(k0: EventFingerprint.key.k0, k1: EventFingerprint.key.k1)
            for part in [message[..<cuts[0]], message[cuts[0]..<cuts[1]], message[cuts[1]...]] {
                part.withUnsafeBytes { hasher.append($0) }
            }
            let whole = message.withUnsafeBytes { SipHash128.tag(of: $0, k0: EventFingerprint.key.k0, k1: EventFingerprint.key.k1) }
            #expect(hasher.finish() == whole, "\(message) cut at \(cuts)")
        }
    }

    /// Stored fingerprints are a stored format: these values (SipHash-2-4-128 of "format\0record"
    /// under the schema's key, computed apart from this code) must never change, or re-ingesting
    /// a file would store its records again.
    @Test(arguments: [
        ("zeek", #"{"uid":"C1","id.resp_p":445}"#, "bb981e2b8aa5c5870a1145b52983f720"),
        ("ecs", "é ∑ 1796023980.883863\tCp7DD1rMPjRQCF9Ujp", "0dbcb531dc516b7853137caba3cab885"),
    ])
    func aRecordsFingerprintIsTheOneStoresHold(format: String, original: String, expected: String) {
        let fingerprint = EventFingerprint.of(RecordOrigin(path: "/a", line: 1, format: format, original: original))
        #expect(hex(Array(fingerprint)) == expected)
    }

    @Test func portListsStaySortedAndDistinct() {
        var ports: [Int] = []
        for port in [445, 139, 445, 8445, 139, 1] { PortList.insert(port, into: &ports) }
        #expect(ports == [1, 139, 445, 8445])
        #expect(PortList.text(ports) == "1,139,445,8445")
        #expect(PortList.text([445]) == "445")
        #expect(PortList.ports("445,139,445,x") == [139, 445])
        #expect(PortList.ports("") == [])
        var many: [Int] = []
        for port in (0..<2000).map({ ($0 * 7919) % 1000 + 1 }) { PortList.insert(port, into: &many) }
        #expect(many == Array(1...1000))
        #expect(PortList.ports(PortList.text(many.reversed())) == many)
    }

    @Test func fingerprintsAreSixteenBytesAndChangeWithEveryByte() {
        let record = RecordOrigin(path: "/a", line: 1, format: "zeek", original: #"{"uid":"C1","id.resp_p":445}"#)
        let fingerprint = EventFingerprint.of(record)
        #expect(fingerprint.count == 16)
        let bytes = Array(record.original.utf8)
        var fingerprints: Set<Data> = [fingerprint]
        for offset in bytes.indices {
            var changed = bytes
            changed[offset] ^= 1
            fingerprints.insert(EventFingerprint.of(RecordOrigin(
                path: "/a", line: 1, format: "zeek", original: String(decoding: changed, as: UTF8.self))))
        }
        #expect(fingerprints.count == bytes.count + 1)
    }

    @Test func fingerprintsSeparateFormatFromText() {
        let zeek = RecordOrigin(path: "/a", line: 1, format: "zeek", original: "x")
        let sameRecordElsewhere = RecordOrigin(path: "/b", line: 9, format: "zeek", original: "x")
        let shifted = RecordOrigin(path: "/a", line: 1, format: "zee", original: "kx")
        #expect(EventFingerprint.of(zeek) == EventFingerprint.of(sameRecordElsewhere))
        #expect(EventFingerprint.of(zeek) != EventFingerprint.of(shifted))
    }

    @Test func flowKeysOnlyForPacketbeatReportsAndWithoutAmbiguity() {
        var report = NetworkEvent(dataset: "a1:", flowID: "b", isFinalReport: false)
        var other = NetworkEvent(dataset: "a", flowID: "1:b", isFinalReport: false)
        #expect(EventFingerprint.flowKey(of: report) != EventFingerprint.flowKey(of: other))
        report.isFinalReport = nil
        #expect(EventFingerprint.flowKey(of: report) == nil)
        other.flowID = nil
        #expect(EventFingerprint.flowKey(of: other) == nil)
    }

    @Test func alertUUIDsAreDistinctVersion4InLowercaseText() {
        var uuids = RandomUUIDs()
        let drawn = (0..<600).map { _ in uuids.next() }
        #expect(Set(drawn).count == drawn.count)
        for text in drawn {
            let parsed = UUID(uuidString: text)
            #expect(parsed?.uuidString.lowercased() == text)
            let bytes = parsed.map { withUnsafeBytes(of: $0.uuid) { Array($0) } } ?? []
            #expect(bytes.count == 16 && bytes[6] >> 4 == 4 && bytes[8] >> 6 == 0b10)
        }
    }

    @Test func stringListsRoundTripAnyContent() {
        for strings in [[], ["network"], ["", "a:b", "12:short", "ünï\u{0}cödé", "\n"]] {
            #expect(StringList.strings(StringList.text(strings)) == strings)
        }
    }

    @Test func aMalformedStringListTailIsDropped() {
        #expect(StringList.strings("3:abc5:xy") == ["abc"])
        #expect(StringList.strings("2:ab:") == ["ab"])
        #expect(StringList.strings("x1:a") == [])
        #expect(StringList.strings("99999999999999999999999:a") == [])
        #expect(StringList.strings("") == [])
    }
}
