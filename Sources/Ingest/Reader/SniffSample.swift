/// The first lines of an input as sniffing sees them. A line holding bytes no text log writes (NUL
/// and the C0 controls other than tab, line and form feeds, CR and ESC) is left out of the lines
/// the readers' `recognizes` see, so a few bad lines do not decide the format; the reader rejects
/// them later, one `file:line` each. Only when most lines are such is the input binary.
struct SniffSample {
    /// The text lines, without terminators, each cut at 64 KiB.
    private(set) var lines: [String] = []
    /// How many lines were looked at, and how many of them held binary bytes.
    private(set) var examined = 0
    private(set) var binary = 0

    /// The first `limit` lines of `chunks` (lines too long to read are not looked at).
    init(_ chunks: [LineChunk], limit: Int) {
        for chunk in chunks where examined < limit {
            chunk.withLines { bytes in
                bytes.forEachLine { line in
                    examined += 1
                    if line.contains(where: Self.isBinary) {
                        binary += 1
                    } else {
                        lines.append(String(decoding: line.extracting(first: 65_536), as: UTF8.self))
                    }
                    return examined < limit
                }
            }
        }
    }

    /// Why the input is not text, or nil when most of its lines are.
    var binaryContent: String? {
        guard binary * 2 > examined else { return nil }
        return "binary data (\(binary) of the first \(examined) lines hold NUL or control bytes), not a text log"
    }

    private static func isBinary(_ byte: UInt8) -> Bool {
        byte < 0x20 && !(0x09...0x0D).contains(byte) && byte != 0x1B
    }
}
