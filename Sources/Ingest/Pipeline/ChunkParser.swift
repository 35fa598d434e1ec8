import Detection

/// Runs one reader over chunks of one input, turning lines into a `ChunkResult`. Chunks handed
/// to one parser must come in input order when the reader keeps state across lines (or, for a
/// `HeaderStatefulLineReader`, start from the reader's snapshot at their start).
struct ChunkParser<Reader: LineReader> {
    private var reader: Reader
    private let path: String
    private let format: String
    private let strict: Bool
    private let maxIssues: Int

    /// A parser whose reader has read `primer` first (see `LineReader.init(options:primer:)`).
    init(options: IngestOptions, path: String, primer: [[UInt8]] = []) {
        self.init(reader: Reader(options: options.reader, primer: primer), options: options, path: path)
    }

    /// A parser that goes on from `reader` (a copy of a `ReaderSnapshot`'s).
    init(reader: Reader, options: IngestOptions, path: String) {
        self.reader = reader
        self.path = path
        format = Reader.format.rawValue
        strict = options.strict
        maxIssues = options.maxIssues
    }

    mutating func parse(_ chunk: LineChunk) -> ChunkResult {
        var result = ChunkResult(sequence: chunk.sequence)
        switch chunk.content {
        case .overlongLine:
            result.lines = 1
            reject(line: chunk.firstLine, reason: Self.overlongReason, into: &result)
        case .lines:
            chunk.withLines { lines in
                var number = chunk.firstLine
                // One look at the whole chunk spares most chunks a look at each line.
                let mayHoldNUL = lines.holdsNUL
                lines.forEachLine { line in
                    result.lines += 1
                    if mayHoldNUL, line.holdsNUL {
                        reject(line: number, reason: "line holds a NUL byte: not text", into: &result)
                    } else {
                        read(line, number: number, into: &result)
                        if let warning = reader.takeWarning() {
                            result.warnings.append(IngestIssue(path: path, line: number, reason: warning))
                        }
                    }
                    number += 1
                    return result.strictStop == nil
                }
            }
        }
        return result
    }

    static var overlongReason: String {
        "line longer than \(LineChunker.maximumLineLength >> 20) MiB"
    }

    private mutating func read(_ line: LineBytes, number: Int, into result: inout ChunkResult) {
        if line.count > LineChunker.maximumLineLength {
            reject(line: number, reason: Self.overlongReason, into: &result)
            return
        }
        guard let outcome = reader.readKeepingSMB(line: line, number: number) else {
            result.events += 1
            return
        }
        switch consume outcome {
        case .event(var event):
            // Only kept records need their text; lines that are not UTF-8 cannot be kept faithfully.
            guard let original = String(validating: line, as: UTF8.self) else {
                reject(line: number, reason: "line is not valid UTF-8", into: &result)
                return
            }
            result.events += 1
            // Only kept records get their Community ID: the other events never reach the store.
            event.settleCommunityID()
            result.smbEvents.append(IngestedEvent(
                event: event, origin: RecordOrigin(path: path, line: number, format: format, original: original)
            ))
        case .structural:
            break
        case .skipped:
            result.skipped += 1
        case .rejected(let reason):
            reject(line: number, reason: reason, into: &result)
        }
    }

    private func reject(line: Int, reason: String, into result: inout ChunkResult) {
        result.rejected += 1
        let issue = IngestIssue(path: path, line: line, reason: reason)
        if result.issues.count < maxIssues { result.issues.append(issue) }
        if strict { result.strictStop = issue }
    }
}
