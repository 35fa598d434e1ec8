import BundledRules
import Detection
import BenchmarkSupport
import Foundation
import Ingest
import Store

// pipeline-benchmark [--events N] [--file PATH] [--batch N] [--db PATH] [--no-duckdb]
// The whole `smbtriage ingest` pipeline on a generated ECS NDJSON file (made first when missing),
// or on the ECS NDJSON or Zeek TSV conn.log `--file` names: read and parse, store the SMB flows on
// the writer thread while reading goes on, then run the detector until nothing is pending. Prints
// events/s (wall), CPU, peak RSS, the split read / store / detect and the store's bytes per stored
// flow (WAL checkpointed). The store is a new file (removed afterwards unless --db names it).
// Then, with DuckDB for Python installed and unless --no-duckdb, DuckDB doing the equivalent on
// the same file (`DuckDBPipeline`), and the speed ratios: DuckDB's wall and CPU time over ours.
var events = 1_000_000
var file: String?
var batchSize = BatchInserter.defaultBatchSize
var keptDatabase: String?
var comparesDuckDB = true
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--events": events = arguments.popFirst().flatMap(Int.init) ?? events
    case "--file": file = arguments.popFirst()
    case "--batch": batchSize = arguments.popFirst().flatMap(Int.init) ?? batchSize
    case "--db": keptDatabase = arguments.popFirst()
    case "--no-duckdb": comparesDuckDB = false
    default:
        print("usage: pipeline-benchmark [--events N] [--file PATH] [--batch N] [--db PATH] [--no-duckdb]")
        exit(2)
    }
}
let path = try ECSBenchmarkFile.ensure(events: events, file: file)

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = start.duration(to: .now)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func format(_ value: Double) -> String { String(format: "%.2f", value) }

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-benchmark-\(getpid())")
defer { try? FileManager.default.removeItem(at: directory) }
let store = try SMBStore(path: keptDatabase ?? directory.appendingPathComponent("pipeline.db").path, rules: .bundled())
let now = Date()

let cpuStart = ProcessUsage.now().cpuSeconds
let started = ContinuousClock.now
var readSeconds = 0.0
let storing = try BatchInserter.storing(into: store, ingestedAt: now, batchSize: batchSize) { inserter in
    defer { readSeconds = seconds(since: started) }
    return try LogIngestor(options: IngestOptions()).ingest(InputFile(path: path), deliver: inserter.add)
}
let (summary, stored) = (storing.value, storing.stored)
let storedSeconds = seconds(since: started)
let detectStarted = ContinuousClock.now
let detectCPUStart = ProcessUsage.now().cpuSeconds
let executions = try store.detectUntilNothingPending(at: now)
let detectSeconds = seconds(since: detectStarted)
let totalSeconds = seconds(since: started)
let usage = ProcessUsage.now()
let detectCPU = usage.cpuSeconds - detectCPUStart
let cpu = usage.cpuSeconds - cpuStart
let write = storing.writeTime

print("file: \(path): \(summary.lines) lines, \(summary.smbEvents) SMB kept, \(summary.rejected) rejected")
print("stored: \(stored.inserted) new, \(stored.updated) updated, \(stored.duplicates) duplicates "
    + "in \(write.transactions) transactions of ≤ \(batchSize) events")
print("executions: \(executions.count), \(executions.map(\.alerted).reduce(0, +)) alerts, "
    + "\(executions.last?.pending ?? 0) left pending")
print("whole pipeline: \(format(totalSeconds)) s wall = \(format(Double(summary.lines) / totalSeconds / 1e6)) M events/s; "
    + "cpu \(format(cpu)) s; peak RSS \(usage.peakKiB / 1024) MB; cores \(ProcessInfo.processInfo.activeProcessorCount)")
print("read + parse: \(format(readSeconds)) s wall until the last batch was handed over")
print("store (writer thread): \(format(write.wallSeconds)) s wall, \(format(write.cpuSeconds)) s cpu = "
    + "\(format(write.cpuSeconds / Double(max(stored.inserted + stored.updated, 1)) * 1e6)) µs cpu per stored event; "
    + "done \(format(storedSeconds - readSeconds)) s after reading")
print("detect: \(format(detectSeconds)) s wall, \(format(detectCPU)) s cpu")
func megabytes(_ path: String) -> String {
    let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    return format(Double(bytes) / 1_048_576)
}
try store.truncateWriteAheadLog()
let statistics = try store.statistics()
print("files: database \(megabytes(store.path)) MB, WAL \(megabytes(store.path + "-wal")) MB after a checkpoint; "
    + "\(statistics.databaseBytes / Int64(max(statistics.flows, 1))) bytes per stored flow (\(statistics.flows) flows)")

if comparesDuckDB {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let isZeekTSV = (try? FileHandle(forReadingFrom: URL(fileURLWithPath: path)).read(upToCount: 10))
        .map { $0 == Data("#separator".utf8) } ?? false
    if let duck = DuckDBPipeline.run(path: path, isZeekTSV: isZeekTSV, directory: directory) {
        print("duckdb equivalent: \(format(duck.seconds)) s wall, cpu \(format(duck.cpuSeconds)) s; \(duck.flows) SMB flows "
            + "kept, \(duck.alerts) alert rows, database \(format(Double(duck.databaseBytes) / 1_048_576)) MB")
        print("speed ratio (duckdb time / smbtriage time): wall \(format(duck.seconds / totalSeconds)), "
            + "cpu \(format(duck.cpuSeconds / cpu))")
    } else {
        print("duckdb: not available (python3 -c \"import duckdb\" failed)")
    }
}
