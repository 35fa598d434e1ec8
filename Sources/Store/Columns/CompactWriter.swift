import Foundation

/// Appends the primitives of a compact encoding to a byte buffer: LEB128 varints, zigzag signed
/// varints, times relative to a base, and short strings (a vocabulary index or the UTF-8 bytes).
/// `CompactReader` reads them back.
struct CompactWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func signed(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// `value` as whole microseconds after `base` when that reads back exactly (even varint),
    /// else its 8 bytes (the varint 1, then the bits, little-endian).
    mutating func time(_ value: Double, after base: Double) {
        let micros = ((value - base) * 1_000_000).rounded()
        if micros.magnitude < 1e15, let whole = Int64(exactly: micros),
           CompactReader.time(micros: whole, after: base) == value {
            varint(UInt64(bitPattern: (whole << 1) ^ (whole >> 63)) << 1)
        } else {
            varint(1)
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
    }

    /// A vocabulary word as its index (odd varint), any other text as its length (even varint)
    /// and UTF-8 bytes. A word matches byte for byte: Swift's `==` also matches text that is only
    /// canonically equivalent, which would store other bytes than the log's.
    mutating func string(_ value: String) {
        if let index = FieldVocabulary.index[value], FieldVocabulary.words[index].utf8.elementsEqual(value.utf8) {
            varint(UInt64(index) << 1 | 1)
        } else {
            let utf8 = value.utf8
            varint(UInt64(utf8.count) << 1)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func raw(_ data: some Sequence<UInt8>) {
        bytes.append(contentsOf: data)
    }
}
