import BenchmarkSupport
import BundledRules
import Console
import Detection
import Foundation
import ScreenCore
import Store
import TriageModel

// console-benchmark: key → frame times of the console (navigation, drill-in and out), the first
// frame, and resident memory. Prints figures. Wall time includes preemption on a shared machine;
// thread CPU time does not.
let usage = """
    usage: console-benchmark [--db PATH [--first-frames N] | --raw-record]
      without --db: synthetic in-memory repositories of 1 k, 10 k and 100 k hosts (a host's rows made
                    when the console first opens it), then the
                    raw-record overlay on a 0.9 MB Sysmon record (--raw-record: only that)
      --db PATH:    the real SMBStore at PATH, opened read-only; build a 1 M-alert / 10 k-host one with
                    swift run -c release store-benchmark 1000000 10000 --keep PATH
      --first-frames N: only the first frame, of N new consoles on the store (p50, p99, CPU)
    """

let catalog = try RuleCatalog.bundled()
let rule = catalog.defaultRule

/// The keys of one navigation round: scroll, page, jump, drill into a host and an alert, back out.
let round: [Key] = Array(repeating: .character("j"), count: 20) + [.pageDown, .pageDown, .character("G"), .character("g")]
    + Array(repeating: .pageDown, count: 5)
    + [.enter, .tab, .character("j"), .character("j"), .enter, .tab, .tab, .character("j"), .escape,
       .character("H"), .pageDown, .escape, .escape, .character("k")]

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func padded(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
}

/// A round in the raw-record overlay: open a host, its first alert and its record, scroll, close.
let rawRound: [Key] = [.enter, .enter, .character("r")] + Array(repeating: .character("j"), count: 10)
    + [.pageDown, .pageDown, .character("k"), .escape, .escape, .escape]

/// A Sysmon event 3 record of about `bytes` bytes, as Winlogbeat writes it, whose bulk is one field
/// without a space (a base64 blob: the hardest case for wrapping).
func sysmonRecord(bytes: Int) -> String {
    let head = #"{"winlog":{"event_id":3,"channel":"Microsoft-Windows-Sysmon/Operational","event_data":{"Image":"C:\\Windows\\System32\\svchost.exe","DestinationPort":"445","Blob":""#
    return head + String(repeating: "QUJDREVGR0g=", count: bytes / 12) + #""}}}"#
}

func run(_ label: String, repository: any TriageRepository, rounds: Int, keys round: [Key] = round,
         width: Int = 120, height: Int = 40) {
    let clock = ContinuousClock()
    let runtime = ConsoleRuntime(repository: repository, rule: rule, catalog: catalog,
                                 options: ConsoleOptions(readOnly: true, color: true, actor: "benchmark"))
    var first = Screen(width: 0, height: 0)
    let firstFrame = clock.measure { first = runtime.start(width: width, height: height) }
    precondition(first.width == width, "no first frame")
    var samples: [Double] = []
    var cpuSamples: [Double] = []
    var perKey: [String: [Double]] = [:]
    for _ in 0..<rounds {
        for key in round {
            let cpuStart = CPUClock.threadSeconds() * 1000
            let elapsed = milliseconds(clock.measure { _ = runtime.handle(.key(key)) })
            cpuSamples.append(CPUClock.threadSeconds() * 1000 - cpuStart)
            samples.append(elapsed)
            perKey["\(key)", default: []].append(elapsed)
        }
    }
    samples.sort()
    cpuSamples.sort()
    print(padded(label, 44) + String(format: "first frame %6.2f ms | key→frame wall p50 %6.3f  p99 %6.3f  max %7.3f ms"
                                     + " | cpu p50 %6.3f  p99 %6.3f ms (%d keys) | RSS %5.1f MiB",
                                     milliseconds(firstFrame), percentile(samples, 0.5), percentile(samples, 0.99),
                                     samples.last ?? 0, percentile(cpuSamples, 0.5), percentile(cpuSamples, 0.99),
                                     samples.count, ProcessUsage.residentMegabytes()))
    let slowest = perKey.mapValues { percentile($0.sorted(), 0.5) }.sorted { $0.value > $1.value }.prefix(3)
    print("    slowest keys (p50): " + slowest.map { String(format: "%@ %.3f ms", $0.key, $0.value) }.joined(separator: ", "))
}

func grouped(_ count: Int) -> String {
    NumberFormatter.localizedString(from: NSNumber(value: count), number: .decimal)
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    print(usage)
    exit(0)
}
print("console-benchmark: \(round.count) keys per round at 120×40; targets: first frame ≤ 200 ms, p99 ≤ 16 ms")
if let flag = arguments.firstIndex(of: "--db") {
    guard arguments.indices.contains(flag + 1) else {
        print(usage)
        exit(2)
    }
    let path = arguments[flag + 1]
    let store = try SMBStore(path: path, readOnly: true, rules: catalog)
    let hosts = try store.hosts(filter: HostFilter(), sort: .attention, offset: 0, limit: 1).total
    let alerts = try store.alerts(AlertQuery(), offset: 0, limit: 1).total
    if let count = arguments.firstIndex(of: "--first-frames").flatMap({ arguments.dropFirst($0 + 1).first }).flatMap(Int.init) {
        measureLatency("first frame (120×40), \(grouped(hosts)) hosts / \(grouped(alerts)) alerts", runs: count, target: 200) { _ in
            let runtime = ConsoleRuntime(repository: store, rule: rule, catalog: catalog,
                                         options: ConsoleOptions(readOnly: true, color: true, actor: "benchmark"))
            precondition(runtime.start(width: 120, height: 40).width == 120, "no first frame")
        }
        exit(0)
    }
    run("SMBStore: \(grouped(hosts)) hosts / \(grouped(alerts)) alerts", repository: store, rounds: 40)
} else {
    if !arguments.contains("--raw-record") {
        for (hosts, perHost) in [(1_000, 100), (10_000, 100), (100_000, 1_000)] {
            let repository = SyntheticTriage.repository(hostCount: hosts, alertsPerHost: perHost)
            // The in-memory model sorts its hosts on the first ask: not the console's time, so not in the first frame.
            _ = try repository.hosts(filter: HostFilter(), sort: .attention, offset: 0, limit: 1)
            run("\(grouped(hosts)) hosts / \(grouped(hosts * perHost)) alerts", repository: repository, rounds: 40)
        }
    }
    let bigRecords = SyntheticTriage.repository(hostCount: 1_000, alertsPerHost: 100, original: sysmonRecord(bytes: 900_000))
    run("raw record of 0.9 MB (r, j, PgDn, k, Esc)", repository: bigRecords, rounds: 5, keys: rawRound)
}
