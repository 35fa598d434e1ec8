import BenchmarkSupport
import BundledRules
import Detection
import Foundation
import Store
import TriageModel

// retention-benchmark: a soak of `watch` with the store's default retention, time passed in (not
// waited for): the SMB flows of every `batch-minutes` simulated minutes are stored in one write
// transaction (60 by default: watch stores what it read since its last batch, and at 1,000 flows
// a minute per-minute transactions make 30 days take most of a day), the rule's executions of
// every 5 minutes in them run after it, every hour the store is pruned, and at the end of each
// day an analyst closes the day's open alerts. Prints the store's size and the process's resident
// memory at the end of every day (and how far it got every 6 simulated hours): with retention the
// size levels off once the oldest flows pass the flows setting (30 days by default). Usage:
//   swift run -c release retention-benchmark [--days 60] [--flows-per-minute 1000]
//                                            [--alert-every 1000] [--batch-minutes 60] [--keep PATH]
//                                            [--from-day N]
// One flow in `alert-every` goes to an Internet address and alerts; the rest stay internal.
// `--from-day N --keep PATH` goes on with the store an earlier run kept with the same
// `--flows-per-minute` and `--alert-every` (stopped during day N or after day N - 1): it starts at
// day N, and the records of day N already stored are stored once (the same records, the same
// fingerprints), so a long soak can run in parts.

func option(_ name: String) -> String? {
    CommandLine.arguments.firstIndex(of: name).map { CommandLine.arguments.index(after: $0) }
        .flatMap { CommandLine.arguments.indices.contains($0) ? CommandLine.arguments[$0] : nil }
}

let days = option("--days").flatMap(Int.init) ?? 60
let flowsPerMinute = option("--flows-per-minute").flatMap(Int.init) ?? 1_000
let alertEvery = option("--alert-every").flatMap(Int.init) ?? 1_000
let batchMinutes = option("--batch-minutes").flatMap(Int.init).map { max(1, min(60, $0)) } ?? 60
let keptPath = option("--keep")
let firstDay = option("--from-day").flatMap(Int.init).map { max(1, $0) } ?? 1
let hostCount = 500

/// Prints a line at once (unbuffered), so a long run shows its progress when piped.
func report(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

guard firstDay == 1 || keptPath != nil else {
    report("retention-benchmark: --from-day goes on with a kept store: name it with --keep PATH")
    exit(2)
}
guard firstDay <= days else {
    report("retention-benchmark: --from-day \(firstDay) is after the last day (--days \(days))")
    exit(2)
}

/// Flow `index` at `time`: a Zeek-style SMB connection from one of the hosts to a file server,
/// or, one in `alertEvery`, to an Internet address.
func flow(_ index: Int, at time: Date) -> IngestedEvent {
    let source = IPAddress(ipv4: 0x0A00_0000 | UInt32(index % hostCount + 1))
    let isInternet = index % alertEvery == 0
    let destination = isInternet ? IPAddress(ipv4: 0x2D00_0000 | UInt32(index % 4096))
        : IPAddress(ipv4: 0x0A01_0000 | UInt32(index % 16))
    let uid = "C\(String(index, radix: 36))"
    let event = NetworkEvent(
        timestamp: time, dataset: "zeek.connection", module: "zeek", categories: ["network"],
        types: ["connection", "start"], sourceIPs: [source], sourcePort: 49152 + index % 16000,
        sourceBytes: Int64(index % 50_000), destinationIPs: [destination], destinationPort: 445,
        destinationBytes: Int64(index % 7_000), transport: "tcp", flowID: uid, connectionState: "SF")
    let original = """
        {"ts":\(time.timeIntervalSince1970),"uid":"\(uid)","id.orig_h":"\(source)","id.orig_p":\(49152 + index % 16000),\
        "id.resp_h":"\(destination)","id.resp_p":445,"proto":"tcp","service":"smb","duration":1.5,\
        "orig_bytes":\(index % 50_000),"resp_bytes":\(index % 7_000),"conn_state":"SF","history":"ShADadFf"}
        """
    return IngestedEvent(event: event, origin: RecordOrigin(path: "/var/log/zeek/conn.log", line: index,
                                                           format: "zeek-json", original: original))
}

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retention-benchmark-\(UUID().uuidString)")
let path = keptPath ?? directory.appendingPathComponent("soak.db").path
let store = try SMBStore(path: path, rules: .bundled())
let start = Date(timeIntervalSince1970: 1_767_225_600) // 2026-01-01 00:00 UTC
report("retention-benchmark: \(days) days at \(flowsPerMinute) SMB flows a minute (1 in \(alertEvery) alerts), "
    + "\(batchMinutes) minutes of flows per transaction, retention \(try store.retentionPolicy().description), pruned hourly; store \(path)"
    + (firstDay > 1 ? ", from day \(firstDay)" : ""))
report("day   stored flows   summaries   alerts (open)   database MB   WAL MB   pruned that day   prune s   wall s   RSS MB")
let clock = ContinuousClock()
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
let began = clock.now
var index = (firstDay - 1) * 1_440 * flowsPerMinute
for day in firstDay...days {
    var prunedFlows = 0
    var pruneTime = Duration.zero
    for firstMinute in stride(from: 0, to: 1_440, by: batchMinutes) {
        let minutes = firstMinute..<min(1_440, firstMinute + batchMinutes)
        let batchStart = start.addingTimeInterval(Double((day - 1) * 86_400 + firstMinute * 60))
        let flows = (0..<minutes.count * flowsPerMinute).map { offset in
            flow(index + offset, at: batchStart.addingTimeInterval(Double(offset) * 60 / Double(flowsPerMinute)))
        }
        index += flows.count
        try store.insert(flows, ingestedAt: batchStart.addingTimeInterval(Double(minutes.count * 60 - 1)))
        for minute in minutes {
            let time = start.addingTimeInterval(Double((day - 1) * 86_400 + minute * 60))
            if minute % 5 == 4 { try store.runExecution(at: time.addingTimeInterval(60)) }
            if minute % 60 == 59 {
                let pruneStart = clock.now
                prunedFlows += try store.prune(at: time.addingTimeInterval(60), actor: "soak").flows
                pruneTime += clock.now - pruneStart
            }
        }
        if minutes.upperBound % 360 == 0 && minutes.upperBound < 1_440 {
            report("  (day \(day), \(minutes.upperBound / 60):00: \(index) flows written, "
                + String(format: "%.0f s)", seconds(clock.now - began)))
        }
    }
    let open = try store.alerts(AlertQuery(status: .open), offset: 0, limit: Int.max).rows.map(\.id)
    try store.setStatus(.closed, named: open, comingAlong: [], reason: "benign", actor: "soak")
    let stats = try store.statistics()
    let megabytes = { (bytes: Int64) in String(format: "%.1f", Double(bytes) / 1_048_576) }
    let alerts = "\(stats.openAlerts + stats.acknowledgedAlerts + stats.closedAlerts) (\(stats.openAlerts))"
    let cells = ["\(day)", "\(stats.flows)", "\(stats.flowSummaries)", alerts, megabytes(stats.databaseBytes),
                 megabytes(stats.walBytes), "\(prunedFlows)", String(format: "%.1f", seconds(pruneTime)),
                 String(format: "%.1f", seconds(clock.now - began)), String(format: "%.0f", ProcessUsage.residentMegabytes())]
    let widths = [3, 12, 9, 13, 11, 6, 15, 7, 6, 6]
    report(zip(cells, widths).map { String(repeating: " ", count: max(0, $1 - $0.count)) + $0 }.joined(separator: "   "))
}
if keptPath == nil { try? FileManager.default.removeItem(at: directory) }
