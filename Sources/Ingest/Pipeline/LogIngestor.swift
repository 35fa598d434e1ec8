import Detection
import Foundation

/// Reads log inputs into batches of SMB events, counting everything else.
///
/// One input at a time: its first 64 KiB decide gzip (by magic bytes); its first lines decide
/// text (`SniffSample`: most of them hold no binary bytes) and pick the reader (`FormatSniffer`,
/// from the lines that are text) unless `IngestOptions.format` is set. The input is then cut
/// into chunks of lines that worker threads parse (several for a `StatelessLineReader` or a
/// `HeaderStatefulLineReader`, one for any other reader that keeps state), and the results come
/// back in input order, so line numbers and the order of events are those of the file. Memory
/// stays bounded whatever the input's size.
public struct LogIngestor: Sendable {
    public let options: IngestOptions

    /// About how many events each `deliver` call gets.
    public static let batchSize = 4096
    /// How many bytes the gzip check looks at.
    static let headSize = 64 * 1024

    public init(options: IngestOptions) {
        self.options = options
    }

    /// Reads one input: sniffs the format (first 20 lines) unless options.format is set; .gz (by
    /// magic bytes, not name) is read transparently via zlib; evaluates nothing. Calls `deliver`
    /// with batches (≈ 4096) of SMB events only (`NetworkEvent.isSMB`) wrapped as `IngestedEvent`
    /// with their `RecordOrigin`; other events are only counted. `deliver` may throw to abort (the
    /// error propagates). Problems with the input itself end up in `FileSummary.fatalError`.
    /// A packet capture (pcap or pcapng, by its magic bytes, gzip or not) is read into flows instead
    /// (`ingestCapture`), unless `options.format` names a log format.
    public func ingest(_ input: InputFile, deliver: ([IngestedEvent]) throws -> Void) throws -> FileSummary {
        var deliveryError: (any Error)?
        let summary = try withoutActuallyEscaping(deliver) { deliver in
            try withOpenedInput(input, capture: { descriptor, raw, isGzip, summary in
                do {
                    try ingestCapture(descriptor: descriptor, raw: raw, isGzip: isGzip, summary: &summary, deliver: deliver)
                } catch {
                    deliveryError = error
                }
            }) { chunker, leading, sample, summary in
                guard let readerType = chooseReader(sample: sample.lines) else {
                    summary.fatalError = unknownFormatMessage
                    return
                }
                summary.format = readerType.format
                // A concrete type lets the compiler specialize the whole pipeline for it (the generic
                // path reads each line through witness tables): worth it for the high-volume formats.
                if let ecs = readerType as? ECSReader.Type {
                    try run(ecs, chunker: chunker, leading: leading, summary: &summary, deliver: deliver)
                } else if let zeek = readerType as? ZeekTSVReader.Type {
                    try run(zeek, chunker: chunker, leading: leading, summary: &summary, deliver: deliver)
                } else {
                    try run(readerType, chunker: chunker, leading: leading, summary: &summary, deliver: deliver)
                }
            }
        }
        if let deliveryError { throw deliveryError }
        return summary
    }

    /// Reads one input with the given reader, neither sniffing nor looking at `options.format`:
    /// for callers that know the format (a reader's tests, a reader's benchmark).
    public func ingest<Reader: LineReader>(
        _ input: InputFile, as reader: Reader.Type, deliver: ([IngestedEvent]) throws -> Void
    ) throws -> FileSummary {
        try withOpenedInput(input) { chunker, leading, _, summary in
            summary.format = Reader.format
            try run(reader, chunker: chunker, leading: leading, summary: &summary, deliver: deliver)
        }
    }

    /// Opens the input, decides gzip from its magic bytes, hands a packet capture to `capture` when
    /// given, else cuts its leading chunks (enough for the sniffing sample) and checks that they are
    /// text; then hands the chunker, those chunks and the sample to `body`. Problems end up in the
    /// summary.
    private func withOpenedInput(
        _ input: InputFile,
        capture: ((Int32, FileDescriptorSource, Bool, inout FileSummary) -> Void)? = nil,
        _ body: (LineChunker, [LineChunk], SniffSample, inout FileSummary) throws -> Void
    ) rethrows -> FileSummary {
        var summary = FileSummary(path: input.displayName)
        let descriptor = input.isStandardInput ? STDIN_FILENO : open(input.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            summary.fatalError = "cannot open: \(String(cString: strerror(errno)))"
            return summary
        }
        defer { if !input.isStandardInput { close(descriptor) } }

        let chunker: LineChunker
        let leading: [LineChunk]
        do throws(SourceError) {
            let head = try FileDescriptorSource.readHead(descriptor: descriptor, count: Self.headSize)
            guard !head.isEmpty else {
                summary.fatalError = "empty file"
                return summary
            }
            let raw = FileDescriptorSource(descriptor: descriptor, head: head)
            let isGzip = GzipSource.isGzip(head)
            // A capture is binary: it is recognized here, before the text check refuses it.
            if let capture, options.format == nil || options.format == .pcap,
               CaptureMagic.isCapture(head: head, isGzip: isGzip) {
                capture(descriptor, raw, isGzip, &summary)
                return summary
            }
            chunker = LineChunker(source: isGzip ? try GzipSource(compressed: raw) : raw)
            leading = chunker.leadingChunks(holding: FormatSniffer.sampleSize, byteLimit: 2 * chunker.targetSize)
            guard !leading.isEmpty else {
                _ = try chunker.next()
                summary.fatalError = isGzip ? "empty file (the gzip stream holds no data)" : "empty file"
                return summary
            }
        } catch {
            summary.fatalError = error.message
            return summary
        }
        let sample = SniffSample(leading, limit: FormatSniffer.sampleSize)
        if sample.examined == 0, let failure = chunker.pendingFailure {
            summary.fatalError = failure.message
            return summary
        }
        if let problem = sample.binaryContent {
            summary.fatalError = problem
            return summary
        }
        try body(chunker, leading, sample, &summary)
        return summary
    }

    /// The reader `options.format` names, else the one the sample looks like.
    func chooseReader(sample: [String]) -> (any LineReader.Type)? {
        if let format = options.format { return FormatSniffer.reader(for: format) }
        return FormatSniffer.detect(sample)
    }

    var unknownFormatMessage: String {
        if options.format == .pcap { return "not a packet capture: no pcap or pcapng magic bytes" }
        if let format = options.format { return "no reader for format \(format.rawValue) in this build" }
        let known = FormatSniffer.readers.map { $0.format.rawValue }.joined(separator: ", ")
        return "unknown log format: the first lines match none of \(known) (choose one with --format)"
    }

    func run<Reader: LineReader>(
        _: Reader.Type, chunker: LineChunker, leading: [LineChunk], summary: inout FileSummary,
        primer: [[UInt8]] = [], deliver: ([IngestedEvent]) throws -> Void
    ) throws {
        let parallel = Reader.self is any StatelessLineReader.Type || Reader.self is any HeaderStatefulLineReader.Type
        let workers = parallel ? max(1, options.workers ?? ProcessInfo.processInfo.activeProcessorCount) : 1
        let pipeline = ChunkPipeline<Reader>(
            chunker: chunker, leading: leading, options: options, path: summary.path, workers: workers, primer: primer
        )
        pipeline.start()
        defer { pipeline.stop() }
        var batch = EventBatch()
        while var result = pipeline.next() {
            summary.lines += result.lines
            summary.events += result.events
            summary.smbEvents += result.smbEvents.count
            summary.skipped += result.skipped
            summary.rejected += result.rejected
            summary.issues += result.issues.prefix(options.maxIssues - summary.issues.count)
            for warning in result.warnings where !summary.warnings.contains(where: { $0.reason == warning.reason }) {
                summary.warnings.append(warning)
            }
            batch.add(&result.smbEvents)
            if batch.count >= Self.batchSize { try deliver(batch.take()) }
            if let stop = result.strictStop {
                summary.fatalError = "stopped at line \(stop.line) (strict mode): \(stop.reason)"
                break
            }
        }
        if !batch.isEmpty { try deliver(batch.take()) }
        pipeline.stop()
        if summary.fatalError == nil, let error = pipeline.sourceError {
            summary.fatalError = "\(error.message) (after line \(summary.lines))"
        }
    }
}
