import Ingest

/// Feeds one fuzz input to a reader as the ingest pipeline would: sniffing's sample first, then
/// every line (split on LF, a CR before it dropped) through `read` and `readKeepingSMB`, which
/// must agree on what they reject.
public enum FuzzLines {
    public static func read<Reader: LineReader>(_ buffer: UnsafeBufferPointer<UInt8>, with _: Reader.Type) {
        let input = LineBytes(unsafeBuffer: buffer)
        var lines: [LineBytes] = []
        var start = 0
        for index in 0...input.count where index == input.count || input[index] == 0x0A {
            var end = index
            if end > start, input[end - 1] == 0x0D { end -= 1 }
            if index < input.count || end > start {
                lines.append(input.extracting(start..<end))
            }
            start = index + 1
        }
        _ = FormatSniffer.detect(lines.prefix(FormatSniffer.sampleSize).map { String(decoding: $0, as: UTF8.self) })
        var reader = Reader(options: ReaderOptions())
        var keeping = Reader(options: ReaderOptions())
        for (index, line) in lines.enumerated() {
            let outcome = reader.read(line: line, number: index + 1)
            let kept = keeping.readKeepingSMB(line: line, number: index + 1)
            if case .rejected = outcome {
                guard case .rejected = kept else { fatalError("line \(index + 1): read rejects it, readKeepingSMB does not") }
            }
        }
    }
}
