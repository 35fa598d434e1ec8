import Foundation

/// Reads what `CompactWriter` wrote. A damaged or short buffer never traps: a read past its end
/// returns nil and every later read too, so a decoder keeps what it read before the damage.
struct CompactReader {
    private let bytes: [UInt8]
    private var offset = 0
    private(set) var isDamaged = false

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The time `micros` microseconds after `base`, as `CompactWriter.time` checks it reads back.
    static func time(micros: Int64, after base: Double) -> Double {
        base + Double(micros) / 1_000_000
    }

    mutating func byte() -> UInt8? {
        guard !isDamaged, offset < bytes.count else { return damaged() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func varint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while let next = byte() {
            guard shift < 64 else { return damaged() }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    mutating func signed() -> Int64? {
        varint().map { Int64(bitPattern: ($0 >> 1) ^ (0 &- ($0 & 1))) }
    }

    mutating func time(after base: Double) -> Double? {
        guard let tag = varint() else { return nil }
        guard tag & 1 == 1 else {
            let zigzag = tag >> 1
            return Self.time(micros: Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1))), after: base)
        }
        guard let raw = take(8) else { return nil }
        let bits = raw.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        return Double(bitPattern: bits)
    }

    mutating func string() -> String? {
        guard let tag = varint() else { return nil }
        guard tag & 1 == 0 else {
            let index = Int(clamping: tag >> 1)
            return index < FieldVocabulary.words.count ? FieldVocabulary.words[index] : damaged()
        }
        return take(Int(clamping: tag >> 1)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The next `count` bytes.
    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard !isDamaged, count >= 0, count <= bytes.count - offset else { return damaged() }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    private mutating func damaged<T>() -> T? {
        isDamaged = true
        return nil
    }
}
