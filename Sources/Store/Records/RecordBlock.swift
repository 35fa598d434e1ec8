import Foundation

/// Consecutive original records of one format stored as one value (`record_block.data`, v24): the
/// format's `RecordDictionary` byte, then one zstd frame (`RecordCompressor`) of the records' count
/// and lengths (LEB128 varints) followed by the records themselves. Compressed together, later
/// records refer to earlier ones: a generated Packetbeat record costs about 80 bytes in a block
/// of 16 against 128 alone, and a read of one still decompresses only its block (~7 KB).
/// An event row points at its record with a `RecordReference`.
struct RecordBlock: Sendable {
    /// Records a block holds at most (`RecordReference` keeps the slot in 4 bits).
    static let capacity = 16
    /// Bytes of text a block takes before it is closed: a larger record is a block of its own.
    static let textCapacity = 64 << 10

    /// The stored value.
    let data: Data

    /// The value holding `records`, compressed against `dictionary` by `compressor`.
    init<Records: Collection<String>>(_ records: Records, dictionary: RecordDictionary, compressor: RecordCompressor) {
        precondition(!records.isEmpty && records.count <= Self.capacity, "a block holds 1 to 16 records")
        var content: [UInt8] = []
        content.reserveCapacity(1 + records.count * 2 + records.reduce(0) { $0 + $1.utf8.count })
        Self.appendVarint(records.count, to: &content)
        for record in records { Self.appendVarint(record.utf8.count, to: &content) }
        for record in records { content.append(contentsOf: record.utf8) }
        data = content.withUnsafeBytes { compressor.compress($0, dictionary: dictionary) }
    }

    /// The records a block's decompressed content holds, in slot order; nil when it does not
    /// hold what `init` writes (a damaged block).
    static func records(inContent content: [UInt8]) -> [String]? {
        var offset = 0
        guard let count = varint(in: content, at: &offset), (1...capacity).contains(count) else { return nil }
        var lengths: [Int] = []
        for _ in 0..<count {
            guard let length = varint(in: content, at: &offset) else { return nil }
            lengths.append(length)
        }
        guard lengths.reduce(0, +) == content.count - offset else { return nil }
        return lengths.map { length in
            defer { offset += length }
            return String(decoding: content[offset..<offset + length], as: UTF8.self)
        }
    }

    private static func appendVarint(_ value: Int, to bytes: inout [UInt8]) {
        var value = UInt(value)
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// The varint at `offset`, which it moves past it; nil past the end or above 2^35.
    private static func varint(in bytes: [UInt8], at offset: inout Int) -> Int? {
        var value = 0, shift = 0
        while offset < bytes.count, shift <= 28 {
            let byte = bytes[offset]
            offset += 1
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}
