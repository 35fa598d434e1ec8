import BundledRules
import Detection
import BenchmarkSupport
import Foundation
import Ingest

// ingest-benchmark [--events N] [--file PATH] [--runs N] [--ingest-only] [--no-duckdb]
// Reads a generated ECS NDJSON file (made first when missing) with LogIngestor, evaluates the rule
// on every delivered event, and prints events/s and MB/s of the fastest of `--runs` runs (default
// 1: on a shared machine the fastest run is the least disturbed) and the process's peak RSS over
// all of them. With DuckDB for Python installed and unless `--no-duckdb`, DuckDB reads the same
// file with declared columns and counts the rule's matches among its SMB flows (`DuckDBRuleCount`)
// after each run of ours, alternating, and the speed ratios of the fastest of each are printed:
// DuckDB's wall and CPU time over ours. Unless `--ingest-only`, the pipeline alone is timed last.
var events = 1_000_000
var file: String?
var runs = 1
var ingestOnly = false
var comparesDuckDB = true
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--events": events = arguments.popFirst().flatMap(Int.init) ?? events
    case "--file": file = arguments.popFirst()
    case "--runs": runs = max(1, arguments.popFirst().flatMap(Int.init) ?? runs)
    case "--ingest-only": ingestOnly = true
    case "--no-duckdb": comparesDuckDB = false
    default:
        print("usage: ingest-benchmark [--events N] [--file PATH] [--runs N] [--ingest-only] [--no-duckdb]")
        exit(2)
    }
}
let path = try ECSBenchmarkFile.ensure(events: events, file: file)
let fileBytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0

let rule = try CompiledRule(DetectionRule.bundled())
let ingestor = LogIngestor(options: IngestOptions())

/// One timed read + map + rule pass over the file.
struct IngestRun {
    var summary: FileSummary
    var matches: Int
    var seconds: Double
    var cpuSeconds: Double
}

func ingestRun() throws -> IngestRun {
    var matches = 0
    let cpuBefore = ProcessUsage.now().cpuSeconds
    let started = ContinuousClock.now
    let summary = try ingestor.ingest(InputFile(path: path)) { batch in
        for index in batch.indices where rule.matches(batch[index].event) { matches += 1 }
    }
    let elapsed = started.duration(to: .now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return IngestRun(summary: summary, matches: matches, seconds: seconds,
                     cpuSeconds: ProcessUsage.now().cpuSeconds - cpuBefore)
}

var fastest: IngestRun?
var fastestDuckDB: DuckDBRuleCount.Run?
var duckDBFailed = false
for _ in 0..<runs {
    let run = try ingestRun()
    if run.seconds < fastest?.seconds ?? .infinity { fastest = run }
    guard comparesDuckDB, !duckDBFailed else { continue }
    if let duck = DuckDBRuleCount.run(path: path) {
        if duck.seconds < fastestDuckDB?.seconds ?? .infinity { fastestDuckDB = duck }
    } else {
        duckDBFailed = true
    }
}
let best = fastest!
let summary = best.summary, matches = best.matches, seconds = best.seconds
let cpuSeconds = best.cpuSeconds
let usage = ProcessUsage.now()
func format(_ value: Double) -> String { String(format: "%.2f", value) }
print("file: \(path) (\(fileBytes) bytes, \(fileBytes / max(summary.lines, 1)) bytes/line)")
print("lines \(summary.lines), events \(summary.events), smb \(summary.smbEvents), rejected \(summary.rejected), "
    + "rule matches \(matches)")
if let fatal = summary.fatalError { print("fatal: \(fatal)") }
print("time \(format(seconds)) s, \(format(Double(summary.lines) / seconds / 1e6)) M events/s, "
    + "\(format(Double(fileBytes) / seconds / 1e6)) MB/s, cores \(ProcessInfo.processInfo.activeProcessorCount)")
print("cpu \(format(cpuSeconds)) s = \(format(cpuSeconds / Double(max(summary.lines, 1)) * 1e6)) µs/event; "
    + "with every core free: \(format(Double(ProcessInfo.processInfo.activeProcessorCount) * Double(summary.lines) / cpuSeconds / 1e6)) M events/s")
print("peak RSS \(usage.peakKiB / 1024) MB")
if let duck = fastestDuckDB {
    print("duckdb read_json (declared columns) + the rule in SQL: \(format(duck.seconds)) s wall, cpu "
        + "\(format(duck.cpuSeconds)) s, \(duck.matches) rule matches (fastest of \(runs), alternating with ours)")
    print("speed ratio (duckdb time / smbtriage time): wall \(format(duck.seconds / seconds)), "
        + "cpu \(format(duck.cpuSeconds / cpuSeconds))")
} else if comparesDuckDB {
    print("duckdb: not available (python3 -c \"import duckdb\" failed)")
}
if ingestOnly { exit(0) }

// The pipeline alone (chunking, line splitting, ordering) with a reader that does nothing.
func pipelineFigures<Reader: LineReader>(_ reader: Reader.Type) throws -> String {
    let cpuBefore = ProcessUsage.now().cpuSeconds
    let started = ContinuousClock.now
    let summary = try ingestor.ingest(InputFile(path: path), as: reader) { _ in }
    let elapsed = started.duration(to: .now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let cpu = ProcessUsage.now().cpuSeconds - cpuBefore
    return "\(format(Double(summary.lines) / seconds / 1e6)) M lines/s (cpu \(format(cpu / Double(summary.lines) * 1e9)) ns/line)"
}
print("pipeline alone (no-op reader): one worker (stateful readers, e.g. Zeek TSV) "
    + "\(try pipelineFigures(PipelineProbeReader.self)); all cores \(try pipelineFigures(ParallelPipelineProbeReader.self))")
