import BundledRules
import Detection
import BenchmarkSupport
import Foundation
import Ingest
import Store

// pipeline-benchmark [--events N] [--file PATH] [--batch N] [--db PATH]
// The whole `smbtriage ingest` pipeline on a generated ECS NDJSON file (made first when missing):
// read and parse, store the SMB flows on the writer thread while reading goes on, then run the
// detector until nothing is pending. Prints events/s (wall), CPU, peak RSS and the split
// read / store / detect. The store is a new file (removed afterwards unless --db names it).
var events = 1_000_000
var file: String?
var batchSize = BatchInserter.defaultBatchSize
var keptDatabase: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--events": events = arguments.popFirst().flatMap(Int.init) ?? events
    case "--file": file = arguments.popFirst()
    case "--batch": batchSize = arguments.popFirst().flatMap(Int.init) ?? batchSize
    case "--db": keptDatabase = arguments.popFirst()
    default:
        print("usage: pipeline-benchmark [--events N] [--file PATH] [--batch N] [--db PATH]")
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
print("files: database \(megabytes(store.path)) MB, WAL \(megabytes(store.path + "-wal")) MB")
