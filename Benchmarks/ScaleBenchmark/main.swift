import BenchmarkSupport
import BundledRules
import Console
import Detection
import Foundation
import ScreenCore
import Store
import TestSupport
import TriageModel

// scale-benchmark: the store at the scale of issue #16 (10 M stored SMB flows, 1 M alerts, 100 k
// hosts) and the console's reads on it. The store is built once through the store's own writer
// (a `BatchInserter`, as `ingest` stores a file: transactions of 50 k generated Zeek flows, a
// 3 GB writer cache) and executions of the rule after every 500 k flows, and kept under /tmp, so
// later runs only measure; a build stopped midway (or after `--build-minutes`) resumes where it
// stopped, and the figures are then those of the flows stored so far. `--measure-only` neither
// builds nor writes: it measures the store as it is, opened read-only, even while another run
// builds it (its uncommitted transaction unseen). `--cold` measures every read with its pages
// from the disk: before each run the store file's pages leave the OS cache (that file's only:
// `posix_fadvise`) and the store's connections empty their page caches; after it, how much of the
// file the run read in is counted (`mincore`, the kernel's read-ahead included). Usage:
//   swift run -c release scale-benchmark [flows] [hosts] [external-every] [--store PATH] [--runs N]
//                                        [--batch FLOWS] [--writer-cache-mb MB] [--build-minutes M]
//                                        [--measure-only] [--cold]
// Every `external-every`-th flow goes to an external address (a match): 10 M / 10 = 1 M alerts.

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
}
let numbers = arguments.enumerated().filter { $0.offset == 0 || !arguments[$0.offset - 1].hasPrefix("--") }
    .compactMap { Int($0.element) }
let flowCount = numbers.first ?? 10_000_000
let hostCount = numbers.dropFirst().first ?? 100_000
let externalEvery = numbers.dropFirst(2).first ?? 10
let runs = option("--runs").flatMap(Int.init) ?? 200
let path = option("--store") ?? "/tmp/smbtriage-scale/\(flowCount)-\(hostCount)-\(externalEvery).db"
let builtMarker = path + ".built"
let batchSize = option("--batch").flatMap(Int.init) ?? 50_000
let writerCacheMegabytes = option("--writer-cache-mb").flatMap(Int.init) ?? 3_072
let buildMinutes = option("--build-minutes").flatMap(Double.init)
/// Flows generated at a time, and stored (then detected) per `BatchInserter`.
let generatedBatch = 10_000
let chunkSize = 500_000
/// A fixed clock, so a cached store and a new one describe the same 30 days.
let workload = SMBFlowWorkload(hostCount: hostCount, externalEvery: externalEvery,
                               now: Date(timeIntervalSince1970: 1_780_000_000))
let catalog = try RuleCatalog.bundled()

/// Builds the store at `path` the way `smbtriage ingest` stores a file and `watch` runs the rule:
/// chunks of `chunkSize` flows through a `BatchInserter` (transactions of `batchSize` flows on a
/// writer thread, a background checkpointer), the writer's cache at `writerCacheMegabytes`,
/// then executions until nothing is pending. Every chunk leaves a whole store: a build that was
/// stopped (or ran out of `--build-minutes`) resumes after the flows it stored, since the flows
/// come in the same order every time. The store counts as built once the marker file exists.
func build() throws {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var uncapped = catalog.defaultRule.rule
    uncapped.maxSignals = flowCount
    let store = try SMBStore(path: path, rules: RuleCatalog(CompiledRule(uncapped)))
    try store.setWriterCache(megabytes: writerCacheMegabytes)
    let storedEarlier = try store.statistics().flows
    if storedEarlier > 0 { report("  resuming after the \(storedEarlier) flows stored earlier") }
    var batches = workload.batches(of: generatedBatch, count: flowCount).makeIterator()
    for _ in 0..<storedEarlier / generatedBatch { _ = batches.next() }
    var stored = storedEarlier / generatedBatch * generatedBatch
    let began = DispatchTime.now().uptimeNanoseconds
    var minutes: Double { Double(DispatchTime.now().uptimeNanoseconds - began) / 60e9 }
    while stored < flowCount {
        if let limit = buildMinutes, minutes >= limit {
            report(String(format: "  stopped after %.0f minutes at %d of %d flows: run again to resume", minutes, stored,
                          flowCount))
            return
        }
        var alerted = 0
        let chunk = try timed {
            let outcome = try BatchInserter.storing(into: store, ingestedAt: workload.now, batchSize: batchSize) { inserter in
                for _ in 0..<chunkSize / generatedBatch {
                    guard let batch = batches.next() else { break }
                    try inserter.add(batch)
                    stored += batch.count
                }
            }
            alerted = try store.detectUntilNothingPending(at: workload.now).map(\.alerted).reduce(0, +)
            report(String(format: "  %d flows stored (writer: %.1f µs cpu per flow), %d alerts raised", stored,
                          outcome.writeTime.cpuSeconds / Double(max(1, outcome.stored.inserted)) * 1e6, alerted))
        }
        report(String(format: "    chunk: %.0f s wall, %.0f s process cpu; %.1f minutes so far", chunk.wall, chunk.cpu, minutes))
    }
    try store.truncateWriteAheadLog()
    guard FileManager.default.createFile(atPath: builtMarker, contents: Data()) else { fatalError("cannot write \(builtMarker)") }
}

func fileBytes(_ path: String) -> Int64 {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
}

report("scale-benchmark: \(flowCount) flows over \(hostCount) hosts, every \(externalEvery)th external; store \(path)")
if arguments.contains("--measure-only") {
    report("measuring the store as it is, read-only (no build, no migration)")
} else {
    if FileManager.default.fileExists(atPath: builtMarker) {
        report("reusing the store built earlier (delete \(builtMarker) to build it again)")
    } else {
        report("building the store through a BatchInserter and executions (cached for later runs; delete it to start over)")
        try build()
    }
    // Opening it read-write brings an earlier build's schema up to date (the migrations are timed).
    let migration = try timed { _ = try SMBStore(path: path, rules: catalog) }
    report(String(format: "opened read-write (migrations if any): %.2f s wall", migration.wall))
}
let store = try SMBStore(path: path, readOnly: true, rules: catalog)
let statistics = try store.statistics()
let bytes = fileBytes(path) + fileBytes(path + "-wal")
report("store: \(statistics.flows) flows, \(try store.alerts(AlertQuery(), offset: 0, limit: 1).total) alerts, "
    + "\(statistics.hosts) hosts; " + String(format: "%.2f GB on disk, %.0f bytes per stored flow",
                                             Double(bytes) / 1e9, Double(bytes) / Double(max(1, statistics.flows))))

let coldFile = arguments.contains("--cold") ? FilePageCache(path: path) : nil
/// The WAL beside the store, when there is one: its pages leave the cache too under `--cold`.
let coldWAL = coldFile != nil && FileManager.default.fileExists(atPath: path + "-wal") ? FilePageCache(path: path + "-wal") : nil
/// `measureLatency`, each run with its pages (the store file's and its WAL's) from the disk under `--cold`.
func measure(_ label: String, runs: Int, target: Double, _ body: (Int) throws -> Void) throws {
    guard let coldFile else { return try measureLatency(label, runs: runs, target: target, body) }
    var kibibytesRead: [Double] = []
    try measureLatency(label + ", pages from disk", runs: runs, target: target,
                       beforeEach: { store.releaseCachedPages(); try coldFile.evict(); try coldWAL?.evict() },
                       afterEach: { kibibytesRead.append(Double(try coldFile.cachedBytes()) / 1024) }, body)
    kibibytesRead.sort()
    report(String(format: "  read in from the store file per run: p50 %.0f KiB, p99 %.0f KiB",
                  percentile(kibibytesRead, 0.5), percentile(kibibytesRead, 0.99)))
}

report("load average before the reads: \(ProcessUsage.loadAverage())")
let hosts = try store.hosts(filter: HostFilter(), sort: .attention, offset: 0, limit: 1).total
try measure("host list page 1 (attention, 50 rows)", runs: runs, target: 10) { _ in
    _ = try store.hosts(filter: HostFilter(), sort: .attention, offset: 0, limit: 50)
}
for offset in [5_000, hosts / 2 - 25, hosts - 50] {
    try measure("host list page at offset \(offset) of \(hosts) (attention)", runs: runs, target: 10) { _ in
        _ = try store.hosts(filter: HostFilter(), sort: .attention, offset: offset, limit: 50)
    }
}
try measure("hosts needing attention (open alerts) page 1", runs: runs, target: 10) { _ in
    _ = try store.hosts(filter: HostFilter(status: .open), sort: .attention, offset: 0, limit: 50)
}
try measure("host list page 1 by last seen", runs: runs, target: 10) { _ in
    _ = try store.hosts(filter: HostFilter(), sort: .lastSeen, offset: 0, limit: 50)
}
// A drill-down is what the host screen reads: its destinations and its first page of alerts, one
// row per connection (as store-benchmark measures it).
var pick = SplitMix64(seed: 7)
try measure("host drill-down (destinations + first connection rows page), random host", runs: runs, target: 5) { _ in
    let host = SMBFlowWorkload.hostAddress(pick.next(below: hostCount))
    _ = try store.destinations(of: host)
    _ = try store.connectionAlerts(AlertQuery(host: host), offset: 0, limit: 50)
}
let busiest = SMBFlowWorkload.hostAddress(0)
try measure("busiest host drill-down", runs: runs, target: 5) { _ in
    _ = try store.destinations(of: busiest)
    _ = try store.connectionAlerts(AlertQuery(host: busiest), offset: 0, limit: 50)
}
try measure("host history page (50 flows), random host", runs: runs, target: 10) { _ in
    _ = try store.history(of: SMBFlowWorkload.hostAddress(pick.next(below: hostCount)), offset: 0, limit: 50)
}
try measure("busiest host history page (50 flows)", runs: runs, target: 10) { _ in
    _ = try store.history(of: busiest, offset: 0, limit: 50)
}
// The history screen's chart on the 120-column console below asks for 120 buckets, and the totals
// of the host's whole history.
let chartBuckets = 120
try measure("busiest host history timeline (daily)", runs: max(1, runs / 10), target: 10) { _ in
    _ = try store.timeline(of: busiest, bucket: .day, last: chartBuckets)
}
// In hours (the chart's default) it reads the host's `host_flow_hour` rows of the last 120 hours (schema 23).
try measure("busiest host history timeline (hourly)", runs: max(1, runs / 10), target: 10) { _ in
    _ = try store.timeline(of: busiest, bucket: .hour, last: chartBuckets)
}
/// A new console on the store, its first frame (120×40) drawn.
func startedConsole() -> ConsoleRuntime {
    let runtime = ConsoleRuntime(repository: store, rule: catalog.defaultRule, catalog: catalog,
                                 options: ConsoleOptions(readOnly: true, color: true, actor: "benchmark"))
    precondition(runtime.start(width: 120, height: 40).width == 120, "no first frame")
    return runtime
}
try measure("console first frame (120×40, a new ConsoleRuntime on the store)", runs: max(1, runs / 10), target: 200) { _ in
    _ = startedConsole()
}
// What the console reads when an analyst opens a host: the first frame, then Enter on the first
// host of the list (its destinations, case and first connection rows page, sized by the console).
if let first = try store.hosts(filter: .attention, sort: .attention, offset: 0, limit: 1).rows.first {
    let connections = try store.connectionAlerts(AlertQuery(host: first.address), offset: 0, limit: 1).connections
    report("the first host: \(connections) connection rows, \(try store.destinations(of: first.address).count) destinations")
}
try measure("console first frame, then the first host opened (Enter)", runs: max(1, runs / 10), target: 200) { _ in
    precondition(startedConsole().handle(.key(.enter)) != nil, "no host frame")
}
report("load average after the reads: \(ProcessUsage.loadAverage())")
