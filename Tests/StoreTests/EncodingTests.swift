import Detection
import Foundation
import Testing
@testable import Store

@Suite("Column encodings and fingerprints")
struct EncodingTests {
    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    @Test func sha256MatchesTheFIPSVectors() {
        #expect(hex(SHA256.digest([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(SHA256.digest(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let twoBlocks = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(hex(SHA256.digest(twoBlocks)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        let longestOneBlockMessage = [UInt8](repeating: 0x61, count: 55)
        #expect(hex(SHA256.digest(longestOneBlockMessage))
            == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(hex(SHA256.digest([UInt8](repeating: 0x61, count: 64)))
            == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
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

    @Test func stringListsRoundTripAnyContent() {
        for strings in [[], ["network"], ["", "a:b", "12:short", "ünï\u{0}cödé", "\n"]] {
            #expect(StringList.strings(StringList.text(strings)) == strings)
        }
    }

    @Test func addressesRoundTripAndSortAsBlobs() {
        let addresses = ["0.0.0.4", "10.0.0.1", "192.168.1.1", "::1", "2001:db8::1", "ffff::"].map { IPAddress($0)! }
        #expect(IPAddress.addresses(storeBlob: IPAddress.storeBlob(addresses)) == addresses)
        let blobs = addresses.map { [UInt8]($0.storeBlob) }
        let byBytes = blobs.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(byBytes == addresses.sorted().map { [UInt8]($0.storeBlob) })
    }
}
