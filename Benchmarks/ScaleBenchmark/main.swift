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
// (`insert` in batches of 10 k generated Zeek flows, then executions of the rule until nothing is
// pending) and kept under /tmp, so later runs only measure. Usage:
//   swift run -c release scale-benchmark [flows] [hosts] [external-every] [--store PATH] [--runs N]
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
let batchSize = 10_000
/// A fixed clock, so a cached store and a new one describe the same 30 days.
let workload = SMBFlowWorkload(hostCount: hostCount, externalEvery: externalEvery,
                               now: Date(timeIntervalSince1970: 1_780_000_000))
let catalog = try RuleCatalog.bundled()

/// Builds the store at `path` from scratch; it counts as built once the marker file exists.
func build() throws {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    var uncapped = catalog.defaultRule.rule
    uncapped.maxSignals = flowCount
    let store = try SMBStore(path: path, rules: RuleCatalog(CompiledRule(uncapped)))
    var total = (wall: 0.0, cpu: 0.0), stored = 0
    for batch in workload.batches(of: batchSize, count: flowCount) {
        let time = try timed { _ = try store.insert(batch, ingestedAt: workload.now) }
        total = (total.wall + time.wall, total.cpu + time.cpu)
        stored += batch.count
        if stored % 500_000 == 0 || stored == flowCount {
            report(String(format: "  %d flows stored: %.0f s wall, %.0f s cpu in insert (%.1f µs cpu per flow)", stored,
                          total.wall, total.cpu, total.cpu / Double(stored) * 1e6))
        }
    }
    var alerted = 0
    let detection = try timed { alerted = try store.detectUntilNothingPending(at: workload.now).map(\.alerted).reduce(0, +) }
    report(String(format: "  executions: %d alerts, %.0f s wall, %.0f s cpu", alerted, detection.wall, detection.cpu))
    try store.truncateWriteAheadLog()
    guard FileManager.default.createFile(atPath: builtMarker, contents: Data()) else { fatalError("cannot write \(builtMarker)") }
}

func fileBytes(_ path: String) -> Int64 {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
}

report("scale-benchmark: \(flowCount) flows over \(hostCount) hosts, every \(externalEvery)th external; store \(path)")
if FileManager.default.fileExists(atPath: builtMarker) {
    report("reusing the store built earlier (delete \(builtMarker) to build it again)")
} else {
    report("building the store through SMBStore.insert and executions (cached for later runs)")
    try build()
}
// Opening it read-write brings an earlier build's schema up to date (the migrations are timed).
let migration = try timed { _ = try SMBStore(path: path, rules: catalog) }
report(String(format: "opened read-write (migrations if any): %.2f s wall", migration.wall))
let store = try SMBStore(path: path, readOnly: true, rules: catalog)
let statistics = try store.statistics()
let bytes = fileBytes(path) + fileBytes(path + "-wal")
report("store: \(statistics.flows) flows, \(try store.alerts(AlertQuery(), offset: 0, limit: 1).total) alerts, "
    + "\(statistics.hosts) hosts; " + String(format: "%.2f GB on disk, %.0f bytes per stored flow",
                                             Double(bytes) / 1e9, Double(bytes) / Double(max(1, statistics.flows))))

let hosts = try store.hosts(filter: HostFilter(), sort: .attention, offset: 0, limit: 1).total
try measureLatency("host list page 1 (attention, 50 rows)", runs: runs, target: 10) { _ in
    _ = try store.hosts(filter: HostFilter(), sort: .attention, offset: 0, limit: 50)
}
for offset in [5_000, hosts / 2 - 25, hosts - 50] {
    try measureLatency("host list page at offset \(offset) of \(hosts) (attention)", runs: runs, target: 10) { _ in
        _ = try store.hosts(filter: HostFilter(), sort: .attention, offset: offset, limit: 50)
    }
}
try measureLatency("hosts needing attention (open alerts) page 1", runs: runs, target: 10) { _ in
    _ = try store.hosts(filter: HostFilter(status: .open), sort: .attention, offset: 0, limit: 50)
}
try measureLatency("host list page 1 by last seen", runs: runs, target: 10) { _ in
    _ = try store.hosts(filter: HostFilter(), sort: .lastSeen, offset: 0, limit: 50)
}
var pick = SplitMix64(seed: 7)
try measureLatency("host drill-down (destinations + first alerts page), random host", runs: runs, target: 5) { _ in
    let host = SMBFlowWorkload.hostAddress(pick.next(below: hostCount))
    _ = try store.destinations(of: host)
    _ = try store.alerts(AlertQuery(host: host), offset: 0, limit: 50)
}
let busiest = SMBFlowWorkload.hostAddress(0)
try measureLatency("busiest host drill-down", runs: runs, target: 5) { _ in
    _ = try store.destinations(of: busiest)
    _ = try store.alerts(AlertQuery(host: busiest), offset: 0, limit: 50)
}
try measureLatency("host history page (50 flows), random host", runs: runs, target: 10) { _ in
    _ = try store.history(of: SMBFlowWorkload.hostAddress(pick.next(below: hostCount)), offset: 0, limit: 50)
}
try measureLatency("busiest host history page (50 flows)", runs: runs, target: 10) { _ in
    _ = try store.history(of: busiest, offset: 0, limit: 50)
}
try measureLatency("busiest host history timeline (daily)", runs: max(1, runs / 10), target: 10) { _ in
    _ = try store.timeline(of: busiest, bucket: .day)
}
measureLatency("console first frame (120×40, a new ConsoleRuntime on the store)", runs: max(1, runs / 10), target: 200) { _ in
    let runtime = ConsoleRuntime(repository: store, rule: catalog.defaultRule, catalog: catalog,
                                 options: ConsoleOptions(readOnly: true, color: true, actor: "benchmark"))
    precondition(runtime.start(width: 120, height: 40).width == 120, "no first frame")
}
