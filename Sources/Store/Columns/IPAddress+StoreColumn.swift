import Detection
import Foundation

extension IPAddress {
    /// 16 bytes, big-endian: byte order is address order, so indexes sort addresses correctly.
    var storeBlob: Data {
        var bytes = Data(count: 16)
        bytes.withUnsafeMutableBytes { buffer in
            buffer.storeBytes(of: high.bigEndian, toByteOffset: 0, as: UInt64.self)
            buffer.storeBytes(of: low.bigEndian, toByteOffset: 8, as: UInt64.self)
        }
        return bytes
    }

    /// The address in a 16-byte blob; nil for any other length.
    init?(storeBlob: Data) {
        guard storeBlob.count == 16 else { return nil }
        let (high, low) = storeBlob.withUnsafeBytes { buffer in
            (UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
             UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }
        self.init(high: high, low: low)
    }

    /// Several addresses as consecutive 16-byte blobs (`source.ip` arrays).
    static func storeBlob(_ addresses: [IPAddress]) -> Data {
        addresses.reduce(into: Data(capacity: addresses.count * 16)) { $0.append($1.storeBlob) }
    }

    /// The addresses of a blob written by `storeBlob(_:)`.
    static func addresses(storeBlob: Data) -> [IPAddress] {
        stride(from: 0, to: storeBlob.count - 15, by: 16).compactMap { offset in
            let start = storeBlob.startIndex + offset
            return IPAddress(storeBlob: storeBlob[start..<start + 16])
        }
    }
}
