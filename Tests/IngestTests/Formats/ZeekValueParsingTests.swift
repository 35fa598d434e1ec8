import Foundation
import Testing
@testable import Ingest

@Suite struct ZeekValueParsingTests {
    @Test(arguments: [
        ("1521911721.382822", 1_521_911_721, 382_822_000),
        ("0", 0, 0),
        ("10.761076927185059", 10, 761_076_927),
        ("7.5", 7, 500_000_000),
    ])
    func parsesDecimalSecondsExactly(text: String, seconds: Int64, nanoseconds: Int64) {
        let value = text.withLineBytes { $0.withSpan(DecimalSeconds.init(ascii:)) }
        #expect(value?.seconds == seconds)
        #expect(value?.nanoseconds == nanoseconds)
    }

    @Test(arguments: ["", ".5", "5.", "-1", "1e9", "XXXXXXXXXX.XXXXXX", "1.2.3"])
    func rejectsMalformedDecimalSeconds(text: String) {
        #expect(text.withLineBytes { $0.withSpan(DecimalSeconds.init(ascii:)) } == nil)
    }

    @Test func unescapesZeekTSVStrings() {
        let text = #"\\\\server\\share\x09tab\x7"#
        #expect(text.withLineBytes { ZeekTSVEscaping.text($0) } == "\\\\server\\share\ttab\\x7")
    }
}
