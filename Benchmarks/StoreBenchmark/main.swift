import BenchmarkSupport
import BundledRules
import Detection
import Foundation
import Store
import TestSupport
import TriageModel

// store-benchmark: builds a store of 1 M alerted events over 10 k hosts through the real insert
// and execution paths, then times the console's hottest reads. Usage:
//   swift run -c release store-benchmark [events] [hosts] [capped events] [--keep PATH]
// The last part stores `capped events` matches in a second store and detects them at the
// rule's own max_signals (100), one execution per 100 alerts.
// --keep PATH builds the store at the new file PATH and leaves it there (console-benchmark --db PATH).
// --store PATH times the reads on the store a --keep run left at PATH (same event and host counts),
// without building one; the re-insert and the capped part are left out.
// --finish (with --store) first detects what that run left undetected (a --keep run stopped during its
// execution), at the time of its last execution, and reports the rate.

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
/// The value after `option` on the command line.
func value(after option: String) -> String? {
    CommandLine.arguments.firstIndex(of: option).map { CommandLine.arguments.index(after: $0) }
        .flatMap { CommandLine.arguments.indices.contains($0) ? CommandLine.arguments[$0] : nil }
}
let keptPath = value(after: "--keep")
let builtPath = value(after: "--store")
let eventCount = arguments.first ?? 1_000_000
let hostCount = arguments.dropFirst().first ?? 10_000
let cappedEventCount = arguments.dropFirst(2).first ?? eventCount
let batchSize = 10_000
let destinationsPerHost = 20

let workload = SMBFlowWorkload(hostCount: hostCount, destinationsPerHost: destinationsPerHost, now: Date())

func hostAddress(_ index: Int) -> IPAddress {
    SMBFlowWorkload.hostAddress(index)
}

func rate(_ count: Int, _ time: (wall: Double, cpu: Double)) -> String {
    String(format: "%.1f s wall, %.1f s cpu: %.0f events/s wall, %.0f events/s cpu", time.wall, time.cpu,
           Double(count) / time.wall, Double(count) / time.cpu)
}

/// Stores `count` generated events in `store`; returns the time spent in `insert` alone.
func fill(_ store: SMBStore, count: Int) throws -> (wall: Double, cpu: Double) {
    try workload.batches(of: batchSize, count: count).reduce((wall: 0.0, cpu: 0.0)) { total, batch in
        let time = try timed { _ = try store.insert(batch, ingestedAt: workload.now) }
        return (total.wall + time.wall, total.cpu + time.cpu)
    }
}

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-benchmark-\(getpid())")
defer { try? FileManager.default.removeItem(at: directory) }
var bundled = try DetectionRule.bundled()
let cappedRule = try CompiledRule(bundled)
bundled.maxSignals = eventCount
let store = try SMBStore(path: builtPath ?? keptPath ?? directory.appendingPathComponent("bench.db").path,
                         rules: RuleCatalog(CompiledRule(bundled)))
let now = workload.now

if let builtPath {
    if CommandLine.arguments.contains("--finish"), let last = try store.executions(limit: 1).first {
        let before = try store.alerts(AlertQuery(), offset: 0, limit: 1).total
        var records: [ExecutionRecord] = []
        let detectTime = try timed { records = try store.detectUntilNothingPending(at: last.ranAt) }
        let alerted = records.map(\.alerted).reduce(0, +)
        report(String(format: "finished the execution: %d alerts (after %d) in %.1f s wall, %.1f s cpu: "
                      + "%.0f alerts/s wall, %.0f alerts/s cpu", alerted, before, detectTime.wall, detectTime.cpu,
                      Double(alerted) / detectTime.wall, Double(alerted) / detectTime.cpu))
    }
    report("store-benchmark: the store at \(builtPath), \(try store.alerts(AlertQuery(), offset: 0, limit: 1).total) alerts")
} else {
    report("store-benchmark: \(eventCount) events over \(hostCount) hosts, batches of \(batchSize)")
    let insertTime = try fill(store, count: eventCount)
    report("insert: " + rate(eventCount, insertTime))

    var records: [ExecutionRecord] = []
    let detectTime = try timed { records = try store.detectUntilNothingPending(at: now) }
    let alerted = records.map(\.alerted).reduce(0, +)
    report("execution (max_signals \(eventCount)): \(alerted) alerts in \(records.count) execution(s), "
        + rate(eventCount, detectTime))
    report(String(format: "1 M-alert store built (insert + execution): %.1f s wall, %.1f s cpu",
                  insertTime.wall + detectTime.wall, insertTime.cpu + detectTime.cpu))
}

let hosts = try store.hosts(filter: HostFilter(), sort: .attention, offset: 0, limit: 50)
report("hosts: \(hosts.total); busiest \(hosts.rows.first.map { "\($0.address) with \($0.openAlerts) open alerts" } ?? "-")")

try measureLatency("host list page 1 (attention, 50 rows)", runs: 200, target: 10) { _ in
    _ = try store.hosts(filter: HostFilter(), sort: .attention, offset: 0, limit: 50)
}
try measureLatency("host list page at offset 5000 (attention)", runs: 200, target: 10) { _ in
    _ = try store.hosts(filter: HostFilter(), sort: .attention, offset: 5000, limit: 50)
}
try measureLatency("host list middle page (attention, offset \(hosts.total / 2))", runs: 200, target: 10) { _ in
    _ = try store.hosts(filter: HostFilter(), sort: .attention, offset: hosts.total / 2, limit: 50)
}
try measureLatency("host list middle page by bytes out", runs: 200, target: 10) { _ in
    _ = try store.hosts(filter: HostFilter(), sort: .bytesOut, offset: hosts.total / 2, limit: 50)
}
try measureLatency("host list last page (attention)", runs: 200, target: 10) { _ in
    _ = try store.hosts(filter: HostFilter(), sort: .attention, offset: hosts.total - 50, limit: 50)
}
try measureLatency("attention view page 1 (open alerts or an open case; the console's first view)", runs: 200, target: 10) { _ in
    _ = try store.hosts(filter: .attention, sort: .attention, offset: 0, limit: 50)
}
try measureLatency("host list page 1 by last seen (no index: scan and top-N sort)", runs: 200, target: 10) { _ in
    _ = try store.hosts(filter: HostFilter(), sort: .lastSeen, offset: 0, limit: 50)
}
try measureLatency("host list filtered \"10.0.1\" (attention)", runs: 200, target: 10) { _ in
    _ = try store.hosts(filter: HostFilter(text: "10.0.1"), sort: .attention, offset: 0, limit: 50)
}
// A drill-down is what the host screen reads: its destinations and its first page of alerts, one
// row per connection. Host 0 is the busiest (the workload's skew gives it about 1 % of the alerts).
let busiest = hostAddress(0)
let busiestPage = try store.connectionAlerts(AlertQuery(host: busiest), offset: 0, limit: 50)
report("busiest host \(busiest): \(busiestPage.alerts) alerts in \(busiestPage.connections) connection rows")
var pick = SplitMix64(seed: 7)
try measureLatency("host drill-down (destinations + first connection rows page)", runs: 500, target: 5) { _ in
    let host = hostAddress(pick.next(below: hostCount))
    _ = try store.destinations(of: host)
    _ = try store.connectionAlerts(AlertQuery(host: host), offset: 0, limit: 50)
}
try measureLatency("busiest host drill-down", runs: 200, target: 5) { _ in
    _ = try store.destinations(of: busiest)
    _ = try store.connectionAlerts(AlertQuery(host: busiest), offset: 0, limit: 50)
}
try measureLatency("busiest host open alerts, connection rows page at offset 5000", runs: 200, target: 5) { _ in
    _ = try store.connectionAlerts(AlertQuery(status: .open, host: busiest), offset: 5000, limit: 50)
}

// As the history chart of a 120-column console asks for it.
try measureLatency("busiest host's daily timeline", runs: 200, target: 10) { _ in
    _ = try store.timeline(of: busiest, bucket: .day, last: 120)
}

if builtPath != nil { exit(0) }

let duplicates = Array(workload.batches(of: batchSize, count: batchSize).first { _ in true } ?? [])
let duplicateSeconds = try wallSeconds { _ = try store.insert(duplicates, ingestedAt: now) }
report(String(format: "re-insert of %d already stored events: %.0f events/s", batchSize, Double(batchSize) / duplicateSeconds))

let cappedStore = try SMBStore(path: directory.appendingPathComponent("capped.db").path, rules: RuleCatalog(cappedRule))
let cappedInsertTime = try fill(cappedStore, count: cappedEventCount)
report("capped store insert: " + rate(cappedEventCount, cappedInsertTime))
var cappedRecords: [ExecutionRecord] = []
let cappedTime = try timed { cappedRecords = try cappedStore.detectUntilNothingPending(at: now) }
let cappedAlerted = cappedRecords.map(\.alerted).reduce(0, +)
report("execution (max_signals \(cappedRule.rule.maxSignals)): \(cappedAlerted) alerts in "
    + "\(cappedRecords.count) execution(s), " + rate(cappedEventCount, cappedTime))
