import Testing
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
}
