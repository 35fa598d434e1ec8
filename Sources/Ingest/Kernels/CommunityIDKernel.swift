import Crypto
import Detection
import Foundation

/// Community ID v1's hash input and text, written in place: a kept record gets its ID on the
/// reading threads, and building the input from arrays, then the text through `Data`, cost more
/// than the SHA-1 itself (4% of reading the generated ECS file). One of the Ingest kernel files
/// (see ARCHITECTURE.md); `CommunityIDDifferentialTests` checks it against a plain statement of
/// the specification, and `CommunityIDTests` against the specification's vectors.
enum CommunityIDKernel {
    /// The text of the ID hashed from seed · first · second · protocol · 0 (· port · port), the
    /// endpoints already in the specification's order.
    static func text(seed: UInt16, _ first: IPAddress, _ second: IPAddress, protocolNumber: UInt8, ports: (UInt16, UInt16)?) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.longestHashInput) { input in
            var count = 0
            func append<Value: FixedWidthInteger>(bigEndian value: Value) {
                for shift in stride(from: Value.bitWidth - 8, through: 0, by: -8) {
                    input[count] = UInt8(truncatingIfNeeded: value >> shift)
                    count += 1
                }
            }
            func append(_ address: IPAddress) {
                if let ipv4 = address.ipv4Value {
                    append(bigEndian: ipv4)
                } else {
                    append(bigEndian: address.high)
                    append(bigEndian: address.low)
                }
            }
            append(bigEndian: seed)
            append(first)
            append(second)
            append(bigEndian: protocolNumber)
            append(bigEndian: UInt8(0))
            if let ports {
                append(bigEndian: ports.0)
                append(bigEndian: ports.1)
            }
            let digest = Insecure.SHA1.hash(data: UnsafeRawBufferPointer(start: input.baseAddress, count: count))
            return digest.withUnsafeBytes { versionOneText(digest: $0) }
        }
    }

    /// seed, two IPv6 addresses, protocol and pad, two ports.
    private static let longestHashInput = 2 + 16 + 16 + 2 + 4

    /// `1:` and the digest in padded base64 (RFC 4648 §4), written straight into the string.
    static func versionOneText(digest: UnsafeRawBufferPointer) -> String {
        let encodedCount = (digest.count + 2) / 3 * 4
        return String(unsafeUninitializedCapacity: 2 + encodedCount) { text in
            text[0] = UInt8(ascii: "1")
            text[1] = UInt8(ascii: ":")
            var written = 2
            var index = 0
            while index < digest.count {
                let available = min(3, digest.count - index)
                var group = UInt32(digest[index]) << 16
                if available > 1 { group |= UInt32(digest[index + 1]) << 8 }
                if available > 2 { group |= UInt32(digest[index + 2]) }
                for sextet in 0..<4 {
                    text[written + sextet] = sextet <= available
                        ? base64Alphabet[Int(group >> (18 - 6 * UInt32(sextet)) & 0x3F)]
                        : UInt8(ascii: "=")
                }
                written += 4
                index += 3
            }
            return written
        }
    }

    private static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
}
