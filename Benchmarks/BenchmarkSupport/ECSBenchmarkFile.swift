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
