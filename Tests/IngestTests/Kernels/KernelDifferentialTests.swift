import PropertyBased
import Testing
import TestSupport
@testable import Ingest

/// Each Ingest kernel (the raw-pointer code the readers keep) against a plain, safe statement of
/// what it computes, on generated inputs: lengths around every word boundary, bytes next to the
/// ones searched for, starts at every offset.
@Suite struct KernelDifferentialTests {
    /// Bytes that make word-at-a-time tricks go wrong when they are wrong: the searched bytes, their
    /// neighbours, and high bytes whose arithmetic carries.
    private static let alphabet: [UInt8] = [0x09, 0x0A, 0x0D, 0x08, 0x0B, 0x0C, 0x2E, 0x61, 0x80, 0x89, 0x8A, 0xFF, 0x00]

    private static func bytes(_ random: inout SplitMix64, maximumCount: Int = 40) -> [UInt8] {
        (0..<random.next(below: maximumCount + 1)).map { _ in alphabet[random.next(below: alphabet.count)] }
    }

    @Test func separatorSearchFindsTheFirstSeparatorFromEveryStart() async {
        await propertyCheck(count: 2_000, input: Gen.uint64()) { seed in
            var random = SplitMix64(seed: seed)
            let line = Self.bytes(&random)
            let separator = Self.alphabet[random.next(below: 4)]
            for start in 0...line.count {
                let expected = line[start...].firstIndex(of: separator) ?? line.count
                let found = line.withLineBytes { ByteSearchKernel.index(of: separator, in: $0, from: start) }
                #expect(found == expected, "\(line) from \(start)")
            }
        }
    }

    @Test func newlineCountCountsEveryLineFeed() async {
        await propertyCheck(count: 2_000, input: Gen.uint64()) { seed in
            var random = SplitMix64(seed: seed)
            let bytes = Self.bytes(&random, maximumCount: 200)
            let start = random.next(below: bytes.count + 1)
            let expected = bytes[start...].filter { $0 == 0x0A }.count
            let counted = bytes.withLineBytes { ByteSearchKernel.newlines(in: $0.extracting(droppingFirst: start)) }
            #expect(counted == expected, "\(bytes) from \(start)")
        }
    }

    @Test func loneCarriageReturnsBecomeLineFeedsAndNothingElseChanges() async {
        await propertyCheck(count: 2_000, input: Gen.uint64()) { seed in
            var random = SplitMix64(seed: seed)
            var bytes = Self.bytes(&random, maximumCount: 200)
            let expected = Self.loneCarriageReturnsTurned(bytes)
            bytes.withUnsafeMutableBytes { ByteSearchKernel.turnLoneCarriageReturnsIntoLineFeeds($0) }
            #expect(bytes == expected, "\(bytes)")
        }
    }

    /// The plain rule: a `\r` followed by anything but `\n` becomes `\n`; the last byte stays.
    static func loneCarriageReturnsTurned(_ bytes: [UInt8]) -> [UInt8] {
        bytes.indices.map { index in
            bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] != 0x0A ? 0x0A : bytes[index]
        }
    }

    /// Two paths that differ in at most one byte, each followed by 7 bytes of padding that differ
    /// freely: equal exactly when their first `count` bytes are.
    @Test func pathComparisonComparesExactlyTheFirstCountBytes() async {
        await propertyCheck(count: 5_000, input: Gen.uint64()) { seed in
            var random = SplitMix64(seed: seed)
            let first = Self.bytes(&random)
            var second = first
            if !second.isEmpty, random.next(below: 2) == 0 {
                second[random.next(below: second.count)] ^= UInt8(1 << random.next(below: 8))
            }
            let padding = { (random: inout SplitMix64) in (0..<7).map { _ in UInt8(truncatingIfNeeded: random.next()) } }
            let paddedFirst = first + padding(&random)
            let paddedSecond = second + padding(&random)
            let equal = paddedFirst.withUnsafeBufferPointer { left in
                paddedSecond.withUnsafeBufferPointer { right in
                    PathBytesKernel.equal(left.baseAddress!, right.baseAddress!, count: first.count)
                }
            }
            #expect(equal == (first == second), "\(first) against \(second)")
        }
    }

    /// Appends, joined paths (a prefix of the buffer and a key from another) and growth against an
    /// array doing the same: the word-wide copies neither lose nor change a byte, however the
    /// ranges straddle words and reallocations.
    @Test func rawBufferHoldsWhatAnArrayHolds() async {
        await propertyCheck(count: 1_000, input: Gen.uint64()) { seed in
            var random = SplitMix64(seed: seed)
            var buffer = RawBuffer<UInt8>(capacity: random.next(below: 24))
            defer { buffer.deallocate() }
            var plain: [UInt8] = []
            for _ in 0..<random.next(below: 12) {
                switch random.next(below: 3) {
                case 0:
                    let byte = Self.alphabet[random.next(below: Self.alphabet.count)]
                    buffer.append(byte)
                    plain.append(byte)
                case 1:
                    let bytes = Self.bytes(&random)
                    bytes.withUnsafeBufferPointer { buffer.append($0.baseAddress!, count: $0.count) }
                    plain += bytes
                default:
                    guard !plain.isEmpty else { continue }
                    let prefix = Self.range(in: plain.count, &random)
                    let keyBytes = Self.bytes(&random)
                    var keys = RawBuffer<UInt8>(capacity: keyBytes.count + 8)
                    defer { keys.deallocate() }
                    for byte in keyBytes { keys.append(byte) }
                    let key = Self.range(in: keyBytes.count, &random)
                    buffer.appendJoined(prefix, separator: UInt8(ascii: "."), key, of: keys)
                    plain += plain[prefix] + [UInt8(ascii: ".")] + keyBytes[key]
                }
            }
            #expect((0..<buffer.count).map { buffer[$0] } == plain)
        }
    }

    /// The pieces of a generated JSON string: its text and what it decodes to (nil: the string is
    /// invalid), with the bytes the scanner's word-at-a-time search looks for.
    private static let stringPieces: [(text: [UInt8], decoded: [UInt8]?)] = [
        (Array("a".utf8), Array("a".utf8)), (Array("Zz9".utf8), Array("Zz9".utf8)),
        (Array(#"\""#.utf8), [0x22]), (Array(#"\\"#.utf8), [0x5C]), (Array(#"\n"#.utf8), [0x0A]),
        (Array(#"\u00e9"#.utf8), [0xC3, 0xA9]), (Array("é".utf8), Array("é".utf8)),
        (Array("🛡".utf8), Array("🛡".utf8)), ([0x7F], [0x7F]), ([0x1F], nil), ([0x80], nil), ([0xFF], nil),
    ]

    /// The string scanner, fast path and slow, against a plain statement of JSON strings: the
    /// decoded bytes, or a rejection when a piece is invalid.
    @Test func stringScanningDecodesAsAPlainDecoderDoes() async {
        await propertyCheck(count: 3_000, input: Gen.uint64()) { seed in
            var random = SplitMix64(seed: seed)
            let pieces = (0..<random.next(below: 24)).map { _ in Self.stringPieces[random.next(below: Self.stringPieces.count)] }
            let text = Array(#"{"k":""#.utf8) + pieces.flatMap(\.text) + Array(#""}"#.utf8)
            let expected: [UInt8]? = pieces.contains { $0.decoded == nil } ? nil : pieces.flatMap { $0.decoded! }
            let object = try? flatJSON(bytes: text)
            let decoded = object.map { object in Array((object.string(FlatJSONObject.Key("k")) ?? "").utf8) }
            #expect(decoded == expected, "\(text)")
        }
    }

    private static func range(in count: Int, _ random: inout SplitMix64) -> Range<Int> {
        let start = random.next(below: count + 1)
        return start..<(start + random.next(below: count - start + 1))
    }

    /// Parts of strings long enough to live on the heap, so that a lost or doubled reference shows.
    @Test func movingConcatenationIsJoinedAndLeavesThePartsEmpty() async {
        await propertyCheck(count: 2_000, input: Gen.uint64()) { seed in
            var random = SplitMix64(seed: seed)
            var parts = (0..<random.next(below: 8)).map { part in
                (0..<random.next(below: 12)).map { "element \(part).\($0) of a heap-allocated string" }
            }
            let expected = Array(parts.joined())
            let moved = Array(movingElementsOf: &parts)
            #expect(moved == expected)
            #expect(parts.isEmpty)
        }
    }
}
