import BenchmarkSupport
import Foundation
import Ingest

// pcap-benchmark [--megabytes N] [--path FILE] [--runs N]: generates a deterministic Ethernet capture
// of N MB (default 1,100, so more than 1 GB; kept at FILE, default bench-data/capture-<N>MB.pcap,
// and reused when it exists), then per run reads it through the whole capture path (libpcap, the
// packet decoder, the flow table, the SMB flows' events) on one core and times
// `tcpdump -r FILE -w /dev/null` on the same file. Prints MB/s of capture for both, their ratio
// (tcpdump's time over ours: ≥ 1.0 means building flows costs no more than tcpdump's copy), and
// the peak RSS. MB/s and the ratio are in CPU seconds (user + system), which hold on a shared
// machine; wall-clock seconds are printed beside them.

let usage = """
    usage: pcap-benchmark [--megabytes N] [--path FILE] [--runs N]
      --megabytes N  size of the generated capture (default 1100: more than 1 GB)
      --path FILE    where the capture is kept and reused (default bench-data/capture-<N>MB.pcap)
      --runs N       runs, each ours then tcpdump -r FILE -w /dev/null (default 3)
    Prints MB/s of CPU time through the flow table and tcpdump's, their ratio (target >= 1.0), peak RSS.
    """
if CommandLine.arguments.contains("--help") || CommandLine.arguments.contains("-h") {
    print(usage)
    exit(0)
}

func option(_ name: String) -> String? {
    guard let index = CommandLine.arguments.firstIndex(of: name), index + 1 < CommandLine.arguments.count else { return nil }
    return CommandLine.arguments[index + 1]
}

let megabytes = option("--megabytes").flatMap(Int.init) ?? 1_100
let runs = max(1, option("--runs").flatMap(Int.init) ?? 3)
let path = option("--path") ?? "bench-data/capture-\(megabytes)MB.pcap"
try FileManager.default.createDirectory(
    at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true
)
if !FileManager.default.fileExists(atPath: path) {
    let began = Date()
    var generator = CaptureGenerator()
    let packets = generator.write(bytes: megabytes * 1_000_000, to: path)
    print("generated \(packets) packets in \(String(format: "%.1f", Date().timeIntervalSince(began))) s")
}
let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
let megabyteCount = Double(size) / 1_000_000
print("capture: \(String(format: "%.0f", megabyteCount)) MB: \(path)")

/// Wall-clock and CPU seconds of `body`; CPU seconds are this process's, or with `children` those
/// of the child processes it waited for (the figure that holds on a machine shared with others).
func seconds(children: Bool = false, _ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    func cpu() -> Double { children ? ProcessUsage.childrenCPUSeconds() : ProcessUsage.now().cpuSeconds }
    let began = (DispatchTime.now().uptimeNanoseconds, cpu())
    try body()
    return (Double(DispatchTime.now().uptimeNanoseconds - began.0) / 1e9, cpu() - began.1)
}

/// `tcpdump -r FILE -w /dev/null`'s times, nil when tcpdump is not installed.
func tcpdumpSeconds() throws -> (wall: Double, cpu: Double)? {
    guard let tcpdump = ["/usr/bin/tcpdump", "/usr/sbin/tcpdump"].first(where: FileManager.default.isExecutableFile)
    else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tcpdump)
    process.arguments = ["-r", path, "-w", "/dev/null"]
    process.standardError = FileHandle.nullDevice
    return try seconds(children: true) {
        try process.run()
        process.waitUntilExit()
    }
}

let ingestor = LogIngestor(options: IngestOptions(workers: 1))
for run in 1...runs {
    var summary = FileSummary(path: path)
    var smbFlows = 0
    let ours = try seconds {
        summary = try ingestor.ingest(InputFile(path: path)) { smbFlows += $0.count }
    }
    if let stop = summary.fatalError { print("stopped: \(stop)") }
    var line = String(format: "run %d: %.0f MB/s of CPU time through the flow table (%.2f s CPU, %.2f s wall; "
                      + "%d packets, %d flows, %d SMB)",
                      run, megabyteCount / ours.cpu, ours.cpu, ours.wall, summary.lines, summary.events, smbFlows)
    if let reference = try tcpdumpSeconds() {
        line += String(format: "; tcpdump -r -w /dev/null %.0f MB/s (%.2f s CPU, %.2f s wall); ratio %.2f (CPU), %.2f (wall)",
                       megabyteCount / reference.cpu, reference.cpu, reference.wall,
                       reference.cpu / ours.cpu, reference.wall / ours.wall)
    } else {
        line += "; tcpdump not installed (apt-get install tcpdump)"
    }
    print(line)
}
print(String(format: "peak RSS: %.0f MB", Double(ProcessUsage.now().peakKiB) / 1024))
