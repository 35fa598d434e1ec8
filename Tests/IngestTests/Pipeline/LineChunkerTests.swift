import PropertyBased
import Testing
import TestSupport
@testable import Ingest

@Suite struct LineChunkerTests {
    @Test(arguments: [
        ("", 0), ("no newline", 0), ("\n", 1), ("\n\n\n", 3), ("a\nb\nc", 2), ("a\nb\nc\n", 3),
        (String(repeating: "x", count: 1000) + "\n" + String(repeating: "y", count: 7) + "\n\n", 3),
    ])
    func newlinesAreCounted(text: String, expected: Int) {
        let bytes = Array(text.utf8)
        #expect(bytes.withLineBytes { ByteSearchKernel.newlines(in: $0) } == expected)
    }

    @Test func newlinesInAPartOfABufferIgnoreTheRest() {
        let bytes = Array("a\nb\nc\nd\n".utf8)
        #expect(bytes.withLineBytes { ByteSearchKernel.newlines(in: $0.extracting(2..<5)) } == 1)
    }

    /// Lines ended by LF, CRLF or a lone CR, mixed, read in pieces of a few bytes (so a CR often
    /// ends one read and its LF, or not, starts the next): the chunks hold the same lines, each
    /// numbered as the lines before it count.
    @Test func everyLineEndEndsOneLineWhereverAReadStops() async {
        await propertyCheck(count: 500, input: Gen.uint64()) { seed in
            var random = SplitMix64(seed: seed)
            let endings: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D]]
            var lines: [[UInt8]] = []
            var input: [UInt8] = []
            for _ in 0..<random.next(below: 12) {
                let line = (0..<random.next(below: 6)).map { _ in UInt8(ascii: "a") + UInt8(random.next(below: 3)) }
                var ending = endings[random.next(below: endings.count)]
                // A lone CR, then an empty line ended by LF, is a CRLF: one line end, not two.
                if line.isEmpty, ending == [0x0A], input.last == 0x0D { ending = [0x0D, 0x0A] }
                lines.append(line)
                input += line + ending
            }
            let chunker = LineChunker(source: PieceSource(input, seed: random.next()))
            var read: [[UInt8]] = []
            var numbered = 0
            while let chunk = try? chunker.next() {
                #expect(chunk.firstLine == numbered + 1)
                numbered += chunk.lineCount
                chunk.withLines { $0.forEachLine { read.append(Array($0)); return true } }
            }
            #expect(read == lines, "\(input)")
            #expect(numbered == lines.count)
        }
    }

    /// An overlong line ended by a lone CR that is the last byte of a read whose bytes the chunker
    /// drops (the end of its buffer, with or without a line before, or a read while skipping): the
    /// line after it is a line of its own, numbered as such.
    @Test(arguments: [2, 3, 4], [true, false])
    func aLoneCarriageReturnEndingAnOverlongLineAtTheEndOfAReadEndsIt(reads: Int, lineBefore: Bool) throws {
        let readSize = 1 << 20
        let before = lineBefore ? Array("a\r".utf8) : []
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: reads * readSize - before.count - 1)
        let chunker = LineChunker(source: PieceSource(before + long + [0x0D] + Array("b\rc\r".utf8)) { readSize })
        var lines: [(number: Int, text: String)] = []
        while let chunk = try chunker.next() {
            if case .overlongLine = chunk.content {
                lines.append((chunk.firstLine, "(overlong)"))
                continue
            }
            var number = chunk.firstLine
            chunk.withLines { $0.forEachLine { line in
                lines.append((number, String(decoding: line, as: UTF8.self)))
                number += 1
                return true
            } }
        }
        let expected = (lineBefore ? ["a"] : []) + ["(overlong)", "b", "c"]
        #expect(lines.map(\.text) == expected)
        #expect(lines.map(\.number) == Array(1...expected.count))
    }

    @Test func aLineALoneCarriageReturnEndsBeforeAReadErrorIsKept() throws {
        let chunker = LineChunker(source: FailingSource(Array("a\rb\r".utf8)))
        var lines: [String] = []
        let chunk = try #require(try chunker.next())
        chunk.withLines { $0.forEachLine { lines.append(String(decoding: $0, as: UTF8.self)); return true } }
        #expect(lines == ["a", "b"])
        #expect(throws: SourceError(message: "the disk went away")) { try chunker.next() }
    }
}

/// Hands out its bytes in one read, then fails.
private final class FailingSource: ByteSource {
    private var bytes: [UInt8]?

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SourceError) -> Int {
        guard let bytes else { throw SourceError(message: "the disk went away") }
        self.bytes = nil
        buffer.copyBytes(from: bytes)
        return bytes.count
    }
}

/// Hands out its bytes in reads of the sizes `readSize` says (1 to 7 bytes each, by a seed).
private final class PieceSource: ByteSource {
    private var rest: ArraySlice<UInt8>
    private let readSize: () -> Int

    init(_ bytes: [UInt8], readSize: @escaping () -> Int) {
        rest = bytes[...]
        self.readSize = readSize
    }

    convenience init(_ bytes: [UInt8], seed: UInt64) {
        var random = SplitMix64(seed: seed)
        self.init(bytes) { 1 + random.next(below: 7) }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SourceError) -> Int {
        let count = min(buffer.count, rest.count, readSize())
        buffer.copyBytes(from: rest.prefix(count))
        rest = rest.dropFirst(count)
        return count
    }
}
