import BundledRules
import Detection
import BenchmarkSupport
import Foundation
import Ingest

// ingest-benchmark [--events N] [--file PATH] [--runs N] [--ingest-only]
// Reads a generated ECS NDJSON file (made first when missing) with LogIngestor, evaluates the rule
// on every delivered event, and prints events/s and MB/s of the fastest of `--runs` runs (default
// 1: on a shared machine the fastest run is the least disturbed) and the process's peak RSS over
// all of them; then, unless
// `--ingest-only`, the pipeline alone and, with DuckDB for Python installed, DuckDB's read_json
// time on the same file.
var events = 1_000_000
var file: String?
var runs = 1
var ingestOnly = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--events": events = arguments.popFirst().flatMap(Int.init) ?? events
    case "--file": file = arguments.popFirst()
    case "--runs": runs = max(1, arguments.popFirst().flatMap(Int.init) ?? runs)
    case "--ingest-only": ingestOnly = true
    default:
        print("usage: ingest-benchmark [--events N] [--file PATH] [--runs N] [--ingest-only]")
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

var fastest = try ingestRun()
for _ in 1..<runs {
    let run = try ingestRun()
    if run.seconds < fastest.seconds { fastest = run }
}
let summary = fastest.summary, matches = fastest.matches, seconds = fastest.seconds
let cpuSeconds = fastest.cpuSeconds
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

// DuckDB's NDJSON reader on the same file, when the Python package is there.
func duckDBSeconds(_ path: String) -> Double? {
    let script = """
    import sys, time
    try:
        import duckdb
    except ImportError:
        sys.exit(3)
    start = time.time()
    duckdb.sql("select count(*) from read_json(?, format='newline_delimited')", params=[sys.argv[1]]).fetchall()
    print(time.time() - start)
    """
    return PythonScript.output(of: script, arguments: [path])
        .flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
}
if let duck = duckDBSeconds(path) {
    print("duckdb read_json \(format(duck)) s; smbtriage/duckdb time ratio \(format(seconds / duck))")
} else {
    print("duckdb: not available (python3 -c \"import duckdb\" failed)")
}
