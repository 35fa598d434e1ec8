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
}

/// Hands out its bytes a few at a time (1 to 7 per read, by the seed).
private final class PieceSource: ByteSource {
    private var rest: ArraySlice<UInt8>
    private var random: SplitMix64

    init(_ bytes: [UInt8], seed: UInt64) {
        rest = bytes[...]
        random = SplitMix64(seed: seed)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SourceError) -> Int {
        let count = min(buffer.count, rest.count, 1 + random.next(below: 7))
        buffer.copyBytes(from: rest.prefix(count))
        rest = rest.dropFirst(count)
        return count
    }
}
