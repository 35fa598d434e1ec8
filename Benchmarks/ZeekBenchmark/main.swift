import BenchmarkSupport
import Foundation
import Ingest

// zeek-benchmark [rows] [path]: generates a deterministic conn.log unless the file exists
// (default 2,000,000 rows in bench-data/zeek-conn-<rows>.log), times ZeekTSVReader over it on one
// core, both its read+map path and the readKeepingSMB path the pipeline takes (events for SMB rows
// only), then the whole LogIngestor pipeline with 1 and with 2 parsing threads and, when mawk or
// awk is installed, `awk -F'\t' '$6==445'` over the same file. Figures are best-of runs; the
// reader's in CPU seconds, which hold on a machine shared with others; the pipeline's also
// wall-clock, the figure that parsing on both cores improves.

let arguments = CommandLine.arguments
let rows = arguments.count > 1 ? Int(arguments[1]) ?? 2_000_000 : 2_000_000
let path = arguments.count > 2 ? arguments[2] : "bench-data/zeek-conn-\(rows).log"
let url = URL(fileURLWithPath: path)
if !FileManager.default.fileExists(atPath: path) {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    var generator = ConnLogGenerator(seed: 0x5EED_2026)
    _ = try generator.write(rows: rows, to: url)
}
let data = try Data(contentsOf: url, options: .alwaysMapped)
let size = data.count
print("conn.log: \(rows) rows, \(size / 1_000_000) MB: \(path)")

/// How a pass reads each line: the whole event (`read`), or as the pipeline does, building
/// events for SMB rows only (`readKeepingSMB`).
enum ReadPath: String, CaseIterable {
    case read = "read+map"
    case keepingSMB = "readKeepingSMB"
}

/// Every line of `bytes` through a new reader; returns the rows read (events, or the rows
/// `readKeepingSMB` dropped) and the SMB events (by port, the cheap test, so the figure is the
/// reader's).
func readAllLines(_ bytes: LineBytes, path: ReadPath) -> (events: Int, smb: Int) {
    var reader = ZeekTSVReader(options: ReaderOptions())
    var events = 0
    var smb = 0
    var lineStart = 0
    var number = 0
    func count(destinationPort: Int?) {
        events += 1
        if destinationPort == 445 || destinationPort == 139 { smb += 1 }
    }
    while lineStart < bytes.count {
        let lineEnd = bytes.firstIndex(of: UInt8(ascii: "\n"), from: lineStart) ?? bytes.count
        number += 1
        let line = bytes.extracting(lineStart..<lineEnd)
        switch path {
        case .read:
            let outcome = reader.read(line: line, number: number)
            if case .event(let event) = consume outcome { count(destinationPort: event.destinationPort) }
        case .keepingSMB:
            let outcome = reader.readKeepingSMB(line: line, number: number)
            switch consume outcome {
            case .event(let event)?: count(destinationPort: event.destinationPort)
            case nil: events += 1
            default: break
            }
        }
        lineStart = lineEnd + 1
    }
    return (events, smb)
}

/// This thread's CPU time in seconds: the figure that holds on a machine shared with other work.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// One timed pass over the file: wall-clock and CPU seconds.
func timedPass(_ path: ReadPath) -> (seconds: Double, cpuSeconds: Double, events: Int, smb: Int) {
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = threadCPUSeconds()
    let counts = data.withUnsafeBytes { readAllLines(LineBytes(unsafeBuffer: $0.bindMemory(to: UInt8.self)), path: path) }
    let cpuSeconds = threadCPUSeconds() - cpuStart
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return (seconds, cpuSeconds, counts.events, counts.smb)
}

_ = timedPass(.read)  // warm the page cache and the allocator
var readMapCPUSeconds = 0.0
for path in ReadPath.allCases {
    let passes = (0..<5).map { _ in timedPass(path) }
    let best = passes.min { $0.cpuSeconds < $1.cpuSeconds }!
    if path == .read { readMapCPUSeconds = best.cpuSeconds }
    print(String(format: "ZeekTSVReader %@: %d rows, %d SMB, best of 5: %.3f s CPU (%.3f s wall) = %.2f M rows/s per core, %.0f MB/s",
                 path.rawValue, best.events, best.smb, best.cpuSeconds, best.seconds,
                 Double(best.events) / best.cpuSeconds / 1e6, Double(size) / best.cpuSeconds / 1e6))
}

for workers in [1, 2] {
    let runs = try (0..<3).map { _ in try PipelinePass(path: path, workers: workers) }
    let fastest = runs.min { $0.seconds < $1.seconds }!
    print(String(format: "LogIngestor pipeline, %d worker%@: %d rows, %d SMB, best of 3: %.3f s wall (%.3f s CPU) = %.2f M rows/s wall, %.2f M rows/s per CPU second",
                 workers, workers == 1 ? "" : "s", fastest.summary.events, fastest.summary.smbEvents, fastest.seconds,
                 fastest.cpuSeconds, fastest.rowsPerSecond / 1e6, fastest.rowsPerCPUSecond / 1e6))
}

/// The first of `names` found on PATH.
func executable(_ names: [String]) -> String? {
    let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    for name in names {
        for directory in directories where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
            return "\(directory)/\(name)"
        }
    }
    return nil
}

if let awk = executable(["mawk", "awk"]) {
    var awkSeconds = Double.infinity
    for _ in 0..<3 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: awk)
        process.arguments = ["-F\t", "$6==445", path]
        process.standardOutput = FileHandle.nullDevice
        let before = ProcessUsage.childrenCPUSeconds()
        try process.run()
        process.waitUntilExit()
        awkSeconds = min(awkSeconds, ProcessUsage.childrenCPUSeconds() - before)
    }
    print(String(format: "%@ -F'\\t' '$6==445', best of 3: %.3f s CPU; ZeekTSVReader read+map takes %.2fx awk's time",
                 awk, awkSeconds, readMapCPUSeconds / awkSeconds))
} else {
    print("no mawk or awk on PATH: no comparison")
}
