import Foundation

/// The generated ECS NDJSON file the ingest and pipeline benchmarks read.
public enum ECSBenchmarkFile {
    /// `file`, or the default path for `events` events; generated first (seed 415) when missing.
    public static func ensure(events: Int, file: String?) throws -> String {
        let path = file ?? ".build/bench-data/ecs-bench-\(events).ndjson"
        guard !FileManager.default.fileExists(atPath: path) else { return path }
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let clock = ContinuousClock.now
        let bytes = try ECSFlowGenerator.write(count: events, seed: 415, to: path)
        print("generated \(path): \(events) events, \(bytes / events) bytes/event in \(clock.duration(to: .now))")
        return path
    }
}

/// What this process has used so far.
public enum ProcessUsage {
    /// CPU seconds (user + system) and peak RSS in KiB.
    public static func now() -> (cpuSeconds: Double, peakKiB: Int) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return (cpu, usage.ru_maxrss)
    }
}
