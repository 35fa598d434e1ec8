import Detection
import Foundation

/// How far a followed file has been read: just past its last complete line.
public struct ReadPosition: Hashable, Sendable {
    /// The byte offset after the last line read.
    public var offset: Int64
    /// How many lines lie before `offset`.
    public var line: Int

    public init(offset: Int64, line: Int) {
        self.offset = offset
        self.line = line
    }

    /// The start of a file.
    public static let start = ReadPosition(offset: 0, line: 0)
}

extension LogIngestor {
    /// Reads the complete lines a growing file holds past `position` (a line still being written is
    /// left for the next call) and returns where reading stopped. The format is sniffed from the
    /// file's start; a reader that keeps state (Zeek TSV) first reads the file's leading header
    /// lines again. A gzip file cannot grow in place: it is read whole from the start, once.
    public func ingest(
        _ input: InputFile, from position: ReadPosition, deliver: ([IngestedEvent]) throws -> Void
    ) throws -> (summary: FileSummary, end: ReadPosition) {
        var summary = FileSummary(path: input.displayName)
        let descriptor = open(input.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            summary.fatalError = "cannot open: \(String(cString: strerror(errno)))"
            return (summary, position)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            summary.fatalError = "cannot read its size: \(String(cString: strerror(errno)))"
            return (summary, position)
        }
        let head: [UInt8]
        let completeEnd: Int64
        do throws(SourceError) {
            head = try FileDescriptorSource.readHead(descriptor: descriptor, count: Self.headSize)
            completeEnd = try FileRangeSource.endOfCompleteLines(descriptor: descriptor, size: Int64(status.st_size))
        } catch {
            summary.fatalError = error.message
            return (summary, position)
        }
        if position == .start, let reason = Self.unfollowable(head: head, completeEnd: completeEnd) {
            summary.fatalError = reason
            return (summary, position)
        }
        if GzipSource.isGzip(head) {
            guard position == .start else { return (summary, position) }
            let whole = try ingest(input, deliver: deliver)
            return (whole, ReadPosition(offset: Int64(status.st_size), line: whole.lines))
        }
        guard completeEnd > position.offset else { return (summary, position) }

        let headLines = Self.lines(of: head)
        guard let readerType = chooseReader(sample: headLines.prefix(FormatSniffer.sampleSize).map {
            String(decoding: $0, as: UTF8.self)
        }) else {
            summary.fatalError = unknownFormatMessage
            return (summary, position)
        }
        summary.format = readerType.format
        let primer = position.offset > 0 ? Self.header(of: headLines, for: readerType, options: options) : []
        let chunker = LineChunker(source: FileRangeSource(descriptor: descriptor, start: position.offset, end: completeEnd),
                                  firstLine: position.line + 1)
        let first: LineChunk
        do throws(SourceError) {
            guard let chunk = try chunker.next() else { return (summary, position) }
            first = chunk
        } catch {
            summary.fatalError = error.message
            return (summary, position)
        }
        try run(readerType, chunker: chunker, leading: [first], summary: &summary, primer: primer, deliver: deliver)
        return (summary, ReadPosition(offset: completeEnd, line: position.line + summary.lines))
    }

    /// Why a file cannot be followed from its start, or nil: a packet capture (read whole by
    /// `ingest`), or binary bytes before any line end, which would otherwise read as a line still
    /// being written, forever and without a word.
    private static func unfollowable(head: [UInt8], completeEnd: Int64) -> String? {
        if CaptureMagic.isCapture(head: head, isGzip: GzipSource.isGzip(head)) {
            return "a packet capture: watch follows text logs; `smbtriage ingest` reads captures"
        }
        if completeEnd == 0, head.contains(0) {
            return "binary data (a NUL byte before any line end), not a text log"
        }
        return nil
    }

    /// The complete lines of `bytes` (terminators and a trailing `\r` removed).
    private static func lines(of bytes: [UInt8]) -> [[UInt8]] {
        guard let lastNewline = bytes.lastIndex(of: 0x0A) else { return [] }
        return bytes[...lastNewline].split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map {
            Array($0.last == 0x0D ? $0.dropLast() : $0)
        }
    }

    /// The leading lines a stateful reader takes as structure (a Zeek TSV header); none for a
    /// reader that keeps no state.
    private static func header(of lines: [[UInt8]], for readerType: any LineReader.Type,
                               options: IngestOptions) -> [[UInt8]] {
        guard !(readerType is any StatelessLineReader.Type) else { return [] }
        var reader = readerType.init(options: options.reader)
        return Array(lines.prefix { line in
            line.withLineBytes { reader.read(line: $0, number: 0) } == .structural
        })
    }
}
