import Foundation
import Ingest

/// One timed `LogIngestor` run over a Zeek TSV file with `workers` parsing threads: the whole
/// pipeline (cutting, parsing, ordering, delivery) as `smbtriage ingest` runs it.
struct PipelinePass {
    var seconds: Double
    /// CPU seconds of every thread of the process (user + system).
    var cpuSeconds: Double
    var summary: FileSummary

    init(path: String, workers: Int) throws {
        let ingestor = LogIngestor(options: IngestOptions(format: .zeekTSV, workers: workers))
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = Self.processCPUSeconds()
        summary = try ingestor.ingest(InputFile(path: path)) { _ in }
        cpuSeconds = Self.processCPUSeconds() - cpuStart
        seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Rows (events) per wall-clock second.
    var rowsPerSecond: Double { Double(summary.events) / seconds }
    /// Rows (events) per CPU second, all threads together.
    var rowsPerCPUSecond: Double { Double(summary.events) / cpuSeconds }

    private static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
