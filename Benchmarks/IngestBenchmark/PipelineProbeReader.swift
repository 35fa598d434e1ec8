import Ingest

/// A reader that does no work (every line is structural), to measure what the pipeline alone
/// costs per line: the ceiling any reader's throughput sits under. It keeps state (it is not a
/// `StatelessLineReader`), so it runs on one worker like the Zeek TSV reader.
struct PipelineProbeReader: LineReader {
    static let format = LogFormat.zeekTSV

    static func recognizes(_ sample: [String]) -> Bool { false }

    init(options: ReaderOptions) {}

    mutating func read(line: LineBytes, number: Int) -> LineOutcome { .structural }
}

/// The same reader declared stateless, so the pipeline parses its chunks on every core.
struct ParallelPipelineProbeReader: StatelessLineReader {
    static let format = LogFormat.zeekTSV

    static func recognizes(_ sample: [String]) -> Bool { false }

    init(options: ReaderOptions) {}

    mutating func read(line: LineBytes, number: Int) -> LineOutcome { .structural }
}
