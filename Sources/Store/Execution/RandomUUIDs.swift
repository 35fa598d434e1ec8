#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Version 4 UUIDs in lowercase text form for new alerts, drawn from the system CSPRNG
/// (`arc4random_buf`) 256 at a time: Foundation's `UUID()` on Linux opens, reads and closes
/// /dev/urandom for every one.
struct RandomUUIDs {
    private static let perRefill = 256
    private var bytes = [UInt8](repeating: 0, count: 16 * perRefill)
    private var offset = 16 * perRefill

    /// The next UUID, e.g. "0b7f0d3e-5c1a-4e6b-9f2d-7a8c9e0f1b2c".
    mutating func next() -> String {
        if offset == bytes.count {
            bytes.withUnsafeMutableBufferPointer { arc4random_buf($0.baseAddress!, $0.count) }
            offset = 0
        }
        defer { offset += 16 }
        let hexDigits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for index in 0..<16 {
            var byte = bytes[offset + index]
            if index == 6 { byte = byte & 0x0f | 0x40 }  // version 4
            if index == 8 { byte = byte & 0x3f | 0x80 }  // RFC 4122 variant
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
