import Crypto
import Detection
import Foundation
import PropertyBased
import Testing
import TestSupport
@testable import Ingest

/// `CommunityIDKernel`, which writes the hash input and the text by hand, against a plain statement
/// of the specification on generated flows: the input built as an array, the text by Foundation.
@Suite struct CommunityIDDifferentialTests {
    /// The specification in the plainest words: big-endian fields in a byte array, SHA-1, base64.
    private static func plainID(
        _ source: IPAddress, _ sourcePort: UInt16, _ destination: IPAddress, _ destinationPort: UInt16, seed: UInt16
    ) -> String {
        func bytes(_ address: IPAddress) -> [UInt8] {
            let words = address.ipv4Value.map { [UInt64($0) << 32] } ?? [address.high, address.low]
            let all = words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> (56 - 8 * $0)) } }
            return address.isIPv4 ? Array(all.prefix(4)) : all
        }
        let ordered = (source, sourcePort) < (destination, destinationPort)
            ? (source, sourcePort, destination, destinationPort) : (destination, destinationPort, source, sourcePort)
        let input = [UInt8(seed >> 8), UInt8(seed & 0xFF)] + bytes(ordered.0) + bytes(ordered.2) + [6, 0]
            + [UInt8(ordered.1 >> 8), UInt8(ordered.1 & 0xFF), UInt8(ordered.3 >> 8), UInt8(ordered.3 & 0xFF)]
        return "1:" + Data(Insecure.SHA1.hash(data: input)).base64EncodedString()
    }

    private static func address(_ random: inout SplitMix64, v4: Bool) -> IPAddress {
        v4 ? IPAddress(ipv4: UInt32(truncatingIfNeeded: random.next())) : IPAddress(high: random.next(), low: random.next())
    }

    @Test func tcpFlowsGetTheIDThePlainStatementGives() async {
        await propertyCheck(count: 2_000, input: Gen.uint64()) { seed in
            var random = SplitMix64(seed: seed)
            let v4 = random.next(below: 2) == 0
            let source = Self.address(&random, v4: v4)
            // Equal addresses now and then, so the ports decide the order.
            let destination = random.next(below: 8) == 0 ? source : Self.address(&random, v4: v4)
            let sourcePort = UInt16(random.next(below: 65_536)), destinationPort = UInt16(random.next(below: 65_536))
            let idSeed = UInt16(random.next(below: 3))
            let id = CommunityID(source: source, sourcePort: Int(sourcePort), destination: destination,
                                 destinationPort: Int(destinationPort), transport: .tcp, seed: idSeed)
            #expect(id?.description == Self.plainID(source, sourcePort, destination, destinationPort, seed: idSeed))
        }
    }

    @Test func theTextIsPaddedBase64AsFoundationWritesIt() async {
        await propertyCheck(count: 1_000, input: Gen.uint64()) { seed in
            var random = SplitMix64(seed: seed)
            let digest = (0..<random.next(below: 25)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let text = digest.withUnsafeBytes { CommunityIDKernel.versionOneText(digest: $0) }
            #expect(text == "1:" + Data(digest).base64EncodedString())
        }
    }
}
