import Detection
import Foundation

/// The family tags of a stored address (schema 18 on). 0x04 sorts before 0x06, so in blob order
/// every IPv4 address comes before every IPv6 address, and a range of one family never holds the
/// other.
enum AddressTag {
    static let ipv4: UInt8 = 0x04
    static let ipv6: UInt8 = 0x06
}

extension IPAddress {
    /// The address as an address column holds it: IPv4 as the tag 0x04 and its 4 bytes (5 in
    /// all), IPv6 as the tag 0x06 and its 16 bytes (17), big-endian, so within a family byte
    /// order is address order.
    var storeBlob: Data { withStoreBytes { Data($0) } }

    /// Calls `body` with the bytes of `storeBlob`, without allocating.
    func withStoreBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        withUnsafeTemporaryAllocation(byteCount: 17, alignment: 1) { buffer in
            buffer[0] = storeFamily
            if let ipv4 = ipv4Value {
                buffer.storeBytes(of: ipv4.bigEndian, toByteOffset: 1, as: UInt32.self)
                return body(UnsafeRawBufferPointer(rebasing: buffer[0..<5]))
            }
            buffer.storeBytes(of: high.bigEndian, toByteOffset: 1, as: UInt64.self)
            buffer.storeBytes(of: low.bigEndian, toByteOffset: 9, as: UInt64.self)
            return body(UnsafeRawBufferPointer(buffer))
        }
    }

    /// The tag of `storeBlob`: `(storeFamily, address)` orders addresses the way SQL orders
    /// address columns (every IPv4 address first).
    var storeFamily: UInt8 { isIPv4 ? AddressTag.ipv4 : AddressTag.ipv6 }

    /// The address of a `storeBlob` value; nil for anything else.
    init?(storeBlob: Data) {
        guard let (address, length) = storeBlob.withUnsafeBytes(Self.storedAddress(at:)),
              length == storeBlob.count else { return nil }
        self = address
    }

    /// The `storeBlob` value at the start of `bytes` and its length; nil when none starts there.
    static func storedAddress(at bytes: UnsafeRawBufferPointer) -> (address: IPAddress, length: Int)? {
        switch bytes.first {
        case AddressTag.ipv4 where bytes.count >= 5:
            return (IPAddress(ipv4: UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: 1, as: UInt32.self))), 5)
        case AddressTag.ipv6 where bytes.count >= 17:
            return (IPAddress(mappedBytes: UnsafeRawBufferPointer(rebasing: bytes[1..<17])), 17)
        default:
            return nil
        }
    }

    /// Several addresses as consecutive `storeBlob` values (`source.ip` arrays).
    static func storeBlob(_ addresses: [IPAddress]) -> Data {
        addresses.reduce(into: Data(capacity: addresses.count * 5)) { $0.append($1.storeBlob) }
    }

    /// The addresses of a blob written by `storeBlob(_:)`, up to the first damaged value.
    static func addresses(storeBlob: Data) -> [IPAddress] {
        storeBlob.withUnsafeBytes { bytes in
            var addresses: [IPAddress] = []
            var offset = 0
            while let (address, length) = storedAddress(at: UnsafeRawBufferPointer(rebasing: bytes[offset...])) {
                addresses.append(address)
                offset += length
            }
            return addresses
        }
    }

    // MARK: The 16-byte form

    /// The 128-bit value in 16 bytes, big-endian (IPv4 mapped): how address columns held an
    /// address up to schema 17 (the migrations from those schemas read and write it) and how
    /// `EventFields` holds extra destinations.
    var mappedBytes: Data {
        withUnsafeBytes(of: (high.bigEndian, low.bigEndian)) { Data($0) }
    }

    /// The address of 16 `mappedBytes`.
    init(mappedBytes bytes: UnsafeRawBufferPointer) {
        self.init(high: UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                  low: UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
    }

    /// The address of a `mappedBytes` value; nil for any other length.
    init?(mappedBytes: Data) {
        guard mappedBytes.count == 16 else { return nil }
        self = mappedBytes.withUnsafeBytes { IPAddress(mappedBytes: $0) }
    }

    /// Several addresses as consecutive `mappedBytes` values.
    static func mappedBytes(_ addresses: [IPAddress]) -> Data {
        addresses.reduce(into: Data(capacity: addresses.count * 16)) { $0.append($1.mappedBytes) }
    }

    /// The addresses of consecutive `mappedBytes` values (`source.ip` arrays up to schema 17).
    static func addresses(mappedBytes: Data) -> [IPAddress] {
        stride(from: 0, to: mappedBytes.count - 15, by: 16).compactMap { offset in
            let start = mappedBytes.startIndex + offset
            return IPAddress(mappedBytes: mappedBytes[start..<start + 16])
        }
    }
}

/// How address columns hold an address: `tagged` (`IPAddress.storeBlob`) from schema 18 on,
/// `mapped` (`IPAddress.mappedBytes`) before, which the migrations up to v17 still write.
enum AddressForm {
    case tagged, mapped

    /// `addresses` as consecutive values of this form (`source.ip` arrays).
    func blob(_ addresses: [IPAddress]) -> Data {
        switch self {
        case .tagged: IPAddress.storeBlob(addresses)
        case .mapped: IPAddress.mappedBytes(addresses)
        }
    }
}
