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
        return (cpuSeconds(of: usage), usage.ru_maxrss)
    }

    /// CPU seconds (user + system) of the child processes this process has waited for.
    public static func childrenCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return cpuSeconds(of: usage)
    }

    private static func cpuSeconds(of usage: rusage) -> Double {
        Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
