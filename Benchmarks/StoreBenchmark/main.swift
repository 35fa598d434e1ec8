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

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let keptPath = CommandLine.arguments.firstIndex(of: "--keep").map { CommandLine.arguments.index(after: $0) }
    .flatMap { CommandLine.arguments.indices.contains($0) ? CommandLine.arguments[$0] : nil }
let eventCount = arguments.first ?? 1_000_000
let hostCount = arguments.dropFirst().first ?? 10_000
let cappedEventCount = arguments.dropFirst(2).first ?? eventCount
let batchSize = 10_000
let destinationsPerHost = 20

/// Prints a line at once (unbuffered), so a long run shows its progress when piped.
func report(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func hostAddress(_ index: Int) -> IPAddress {
    IPAddress(ipv4: 0x0A00_0000 | UInt32(index + 1))
}

func destinationAddress(host: Int, slot: Int) -> IPAddress {
    IPAddress(ipv4: 0x1400_0000 | UInt32((host * 7 + slot * 131) % 0x00FF_FFFF))
}

/// Event `index`: a Zeek-style SMB connection from one of the hosts (skewed: low-numbered
/// hosts are busier) to one of its destinations, spread over 30 days.
func event(_ index: Int, random: inout SplitMix64, now: Date) -> IngestedEvent {
    let skew = Double(random.next(below: 1_000_000)) / 1_000_000
    let host = min(hostCount - 1, Int(skew * skew * Double(hostCount)))
    let destination = destinationAddress(host: host, slot: random.next(below: destinationsPerHost))
    let source = hostAddress(host)
    let time = now.addingTimeInterval(-Double(random.next(below: 30 * 86400)))
    let sourceBytes = Int64(random.next(below: 50_000))
    let flowID = "C\(String(random.next(), radix: 36))"
    let event = NetworkEvent(
        timestamp: time, dataset: "zeek.connection", module: "zeek", categories: ["network"],
        types: ["connection", "start"], sourceIPs: [source], sourcePort: 49152 + random.next(below: 16000),
        sourceBytes: sourceBytes, destinationIPs: [destination], destinationPort: index % 9 == 0 ? 139 : 445,
        destinationBytes: sourceBytes / 3, transport: "tcp", applicationProtocol: "smb", flowID: flowID,
        connectionState: "SF")
    let original = #"{"ts":\#(time.timeIntervalSince1970),"uid":"\#(flowID)","id.orig_h":"\#(source)","#
        + #""id.orig_p":\#(event.sourcePort!),"id.resp_h":"\#(destination)","id.resp_p":\#(event.destinationPort!),"#
        + #""proto":"tcp","service":"smb","orig_ip_bytes":\#(sourceBytes),"resp_ip_bytes":\#(sourceBytes / 3),"#
        + #""conn_state":"SF"}"#
    return IngestedEvent(event: event, origin: RecordOrigin(path: "/bench/conn.log", line: index + 1,
                                                           format: "zeek-json", original: original))
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Runs `body` `runs` times and prints the p50 and p99 wall latency and the p50 CPU time, in ms.
func measure(_ label: String, runs: Int, target: Double, _ body: (Int) throws -> Void) rethrows {
    var wall: [Double] = []
    var cpu: [Double] = []
    for run in 0..<runs {
        let cpuStart = CPUClock.processSeconds()
        wall.append(try seconds { try body(run) } * 1000)
        cpu.append((CPUClock.processSeconds() - cpuStart) * 1000)
    }
    wall.sort()
    cpu.sort()
    let p50 = percentile(wall, 0.5)
    let p99 = percentile(wall, 0.99)
    let verdict = p99 <= target ? "within" : "OVER"
    report(String(format: "%@: p50 %.3f ms, p99 %.3f ms, cpu p50 %.3f ms over %d runs (target ≤ %.0f ms: p99 %@)",
                 label, p50, p99, percentile(cpu, 0.5), runs, target, verdict))
}

/// Wall and CPU seconds `body` took.
func timed(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    let cpuStart = CPUClock.processSeconds()
    let wall = try seconds(body)
    return (wall, CPUClock.processSeconds() - cpuStart)
}

func rate(_ count: Int, _ time: (wall: Double, cpu: Double)) -> String {
    String(format: "%.1f s wall, %.1f s cpu: %.0f events/s wall, %.0f events/s cpu", time.wall, time.cpu,
           Double(count) / time.wall, Double(count) / time.cpu)
}

/// Stores `count` generated events in `store`; returns the time spent in `insert` alone.
func fill(_ store: SMBStore, count: Int, now: Date) throws -> (wall: Double, cpu: Double) {
    var random = SplitMix64(seed: 42)
    var total = (wall: 0.0, cpu: 0.0)
    for batchStart in stride(from: 0, to: count, by: batchSize) {
        let batch = (batchStart..<min(count, batchStart + batchSize)).map { event($0, random: &random, now: now) }
        let time = try timed { _ = try store.insert(batch, ingestedAt: now) }
        total = (total.wall + time.wall, total.cpu + time.cpu)
    }
    return total
}

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-benchmark-\(getpid())")
defer { try? FileManager.default.removeItem(at: directory) }
var bundled = try DetectionRule.bundled()
let cappedRule = try CompiledRule(bundled)
bundled.maxSignals = eventCount
let store = try SMBStore(path: keptPath ?? directory.appendingPathComponent("bench.db").path,
                         rules: RuleCatalog(CompiledRule(bundled)))
let now = Date()

report("store-benchmark: \(eventCount) events over \(hostCount) hosts, batches of \(batchSize)")
let insertTime = try fill(store, count: eventCount, now: now)
report("insert: " + rate(eventCount, insertTime))

var records: [ExecutionRecord] = []
let detectTime = try timed { records = try store.detectUntilNothingPending(at: now) }
let alerted = records.map(\.alerted).reduce(0, +)
report("execution (max_signals \(eventCount)): \(alerted) alerts in \(records.count) execution(s), "
    + rate(eventCount, detectTime))
report(String(format: "1 M-alert store built (insert + execution): %.1f s wall, %.1f s cpu",
              insertTime.wall + detectTime.wall, insertTime.cpu + detectTime.cpu))

let hosts = try store.hosts(filter: HostFilter(), sort: .attention, offset: 0, limit: 50)
report("hosts: \(hosts.total); busiest \(hosts.rows.first.map { "\($0.address) with \($0.openAlerts) open alerts" } ?? "-")")

try measure("host list page 1 (attention, 50 rows)", runs: 200, target: 10) { _ in
    _ = try store.hosts(filter: HostFilter(), sort: .attention, offset: 0, limit: 50)
}
try measure("host list page at offset 5000 (attention)", runs: 200, target: 10) { _ in
    _ = try store.hosts(filter: HostFilter(), sort: .attention, offset: 5000, limit: 50)
}
try measure("host list page 1 by last seen (no index: scan and top-N sort)", runs: 200, target: 10) { _ in
    _ = try store.hosts(filter: HostFilter(), sort: .lastSeen, offset: 0, limit: 50)
}
try measure("host list filtered \"10.0.1\" (attention)", runs: 200, target: 10) { _ in
    _ = try store.hosts(filter: HostFilter(text: "10.0.1"), sort: .attention, offset: 0, limit: 50)
}
var pick = SplitMix64(seed: 7)
try measure("host drill-down (destinations + first alerts page)", runs: 500, target: 5) { _ in
    let host = hostAddress(pick.next(below: hostCount))
    _ = try store.destinations(of: host)
    _ = try store.alerts(AlertQuery(host: host), offset: 0, limit: 50)
}
try measure("busiest host drill-down", runs: 200, target: 5) { _ in
    let host = hostAddress(0)
    _ = try store.destinations(of: host)
    _ = try store.alerts(AlertQuery(host: host), offset: 0, limit: 50)
}

var reinsertRandom = SplitMix64(seed: 42)
let duplicates = (0..<batchSize).map { event($0, random: &reinsertRandom, now: now) }
let duplicateSeconds = try seconds { _ = try store.insert(duplicates, ingestedAt: now) }
report(String(format: "re-insert of %d already stored events: %.0f events/s", batchSize, Double(batchSize) / duplicateSeconds))

let cappedStore = try SMBStore(path: directory.appendingPathComponent("capped.db").path, rules: RuleCatalog(cappedRule))
let cappedInsertTime = try fill(cappedStore, count: cappedEventCount, now: now)
report("capped store insert: " + rate(cappedEventCount, cappedInsertTime))
var cappedRecords: [ExecutionRecord] = []
let cappedTime = try timed { cappedRecords = try cappedStore.detectUntilNothingPending(at: now) }
let cappedAlerted = cappedRecords.map(\.alerted).reduce(0, +)
report("execution (max_signals \(cappedRule.rule.maxSignals)): \(cappedAlerted) alerts in "
    + "\(cappedRecords.count) execution(s), " + rate(cappedEventCount, cappedTime))
