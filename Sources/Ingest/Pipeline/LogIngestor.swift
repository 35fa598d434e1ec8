import Detection
import Foundation

/// Reads log inputs into batches of SMB events, counting everything else.
///
/// One input at a time: its first 64 KiB decide gzip (by magic bytes) and text; its first lines
/// pick the reader (`FormatSniffer`) unless `IngestOptions.format` is set. The input is then cut
/// into chunks of lines that worker threads parse (several for a `StatelessLineReader`, one for
/// a reader that keeps state), and the results come back in input order, so line numbers and
/// the order of events are those of the file. Memory stays bounded whatever the input's size.
public struct LogIngestor: Sendable {
    public let options: IngestOptions

    /// About how many events each `deliver` call gets.
    public static let batchSize = 4096
    /// How many bytes the binary check and the gzip check look at.
    static let headSize = 64 * 1024

    public init(options: IngestOptions) {
        self.options = options
    }

    /// Reads one input: sniffs the format (first 20 lines) unless options.format is set; .gz (by
    /// magic bytes, not name) is read transparently via zlib; evaluates nothing. Calls `deliver`
    /// with batches (≈ 4096) of SMB events only (`NetworkEvent.isSMB`) wrapped as `IngestedEvent`
    /// with their `RecordOrigin`; other events are only counted. `deliver` may throw to abort (the
    /// error propagates). Problems with the input itself end up in `FileSummary.fatalError`.
    public func ingest(_ input: InputFile, deliver: ([IngestedEvent]) throws -> Void) throws -> FileSummary {
        var summary = FileSummary(path: input.displayName)
        let descriptor = input.isStandardInput ? STDIN_FILENO : open(input.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            summary.fatalError = "cannot open: \(String(cString: strerror(errno)))"
            return summary
        }
        defer { if !input.isStandardInput { close(descriptor) } }

        let chunker: LineChunker
        let first: LineChunk?
        do throws(SourceError) {
            let head = try FileDescriptorSource.readHead(descriptor: descriptor, count: Self.headSize)
            guard !head.isEmpty else {
                summary.fatalError = "empty file"
                return summary
            }
            let raw = FileDescriptorSource(descriptor: descriptor, head: head)
            let isGzip = GzipSource.isGzip(head)
            chunker = LineChunker(source: isGzip ? try GzipSource(compressed: raw) : raw)
            first = try chunker.next()
            guard first != nil else {
                summary.fatalError = isGzip ? "empty file (the gzip stream holds no data)" : "empty file"
                return summary
            }
        } catch {
            summary.fatalError = error.message
            return summary
        }
        guard let first else { return summary }
        if let problem = Self.binaryContent(first) {
            summary.fatalError = problem
            return summary
        }
        let sample = first.sampleLines(FormatSniffer.sampleSize)
        guard let readerType = chooseReader(sample: sample) else {
            summary.fatalError = unknownFormatMessage
            return summary
        }
        summary.format = readerType.format
        return try run(readerType, chunker: chunker, first: first, summary: summary, deliver: deliver)
    }

    /// The reader `options.format` names, else the one the sample looks like.
    private func chooseReader(sample: [String]) -> (any LineReader.Type)? {
        if let format = options.format { return FormatSniffer.reader(for: format) }
        return FormatSniffer.detect(sample)
    }

    private var unknownFormatMessage: String {
        if let format = options.format { return "no reader for format \(format.rawValue) in this build" }
        let known = FormatSniffer.readers.map { $0.format.rawValue }.joined(separator: ", ")
        return "unknown log format: the first lines match none of \(known) (choose one with --format)"
    }

    /// A message when the head of the input is not text (holds a NUL byte), else nil.
    private static func binaryContent(_ chunk: LineChunk) -> String? {
        var offset: Int?
        chunk.withLines { lines in offset = lines.prefix(headSize).firstIndex(of: 0) }
        guard let offset else { return nil }
        return "binary data (a NUL byte at offset \(offset)), not a text log"
    }

    private func run<Reader: LineReader>(
        _: Reader.Type, chunker: LineChunker, first: LineChunk, summary: FileSummary,
        deliver: ([IngestedEvent]) throws -> Void
    ) throws -> FileSummary {
        var summary = summary
        let parallel = Reader.self is any StatelessLineReader.Type
        let pipeline = ChunkPipeline<Reader>(
            chunker: chunker, first: first, options: options, path: summary.path,
            workers: parallel ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
        )
        pipeline.start()
        defer { pipeline.stop() }
        var batch: [IngestedEvent] = []
        batch.reserveCapacity(Self.batchSize)
        while let result = pipeline.next() {
            summary.lines += result.lines
            summary.events += result.events
            summary.smbEvents += result.smbEvents.count
            summary.skipped += result.skipped
            summary.rejected += result.rejected
            summary.issues += result.issues.prefix(options.maxIssues - summary.issues.count)
            batch += result.smbEvents
            if batch.count >= Self.batchSize {
                try deliver(batch)
                batch.removeAll(keepingCapacity: true)
            }
            if let stop = result.strictStop {
                summary.fatalError = "stopped at line \(stop.line) (strict mode): \(stop.reason)"
                break
            }
        }
        if !batch.isEmpty { try deliver(batch) }
        pipeline.stop()
        if summary.fatalError == nil, let error = pipeline.sourceError {
            summary.fatalError = "\(error.message) (after line \(summary.lines))"
        }
        return summary
    }
}
