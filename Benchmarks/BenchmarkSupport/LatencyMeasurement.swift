import Foundation

/// Prints a line at once (unbuffered), so a long run shows its progress when piped.
public func report(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Wall seconds `body` took.
public func wallSeconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Wall and process CPU seconds `body` took.
public func timed(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    let cpuStart = CPUClock.processSeconds()
    let wall = try wallSeconds(body)
    return (wall, CPUClock.processSeconds() - cpuStart)
}

/// Runs `body` `runs` times (passing the run's number) and reports the p50 and p99 wall latency,
/// the p50 and p99 CPU time of the process, in ms, and whether the wall p99 meets `target` ms.
public func measureLatency(_ label: String, runs: Int, target: Double, _ body: (Int) throws -> Void) rethrows {
    try measureLatency(label, runs: runs, target: target, beforeEach: {}, afterEach: {}, body)
}

/// `measureLatency`, with `beforeEach` and `afterEach` run around every run, outside its timing.
public func measureLatency(_ label: String, runs: Int, target: Double, beforeEach: () throws -> Void,
                           afterEach: () throws -> Void, _ body: (Int) throws -> Void) rethrows {
    var wall: [Double] = []
    var cpu: [Double] = []
    for run in 0..<runs {
        try beforeEach()
        let cpuStart = CPUClock.processSeconds()
        wall.append(try wallSeconds { try body(run) } * 1000)
        cpu.append((CPUClock.processSeconds() - cpuStart) * 1000)
        try afterEach()
    }
    wall.sort()
    cpu.sort()
    let p99 = percentile(wall, 0.99)
    report(String(format: "%@: p50 %.3f ms, p99 %.3f ms, cpu p50 %.3f ms, cpu p99 %.3f ms over %d runs (target ≤ %.0f ms: p99 %@)",
                  label, percentile(wall, 0.5), p99, percentile(cpu, 0.5), percentile(cpu, 0.99), runs, target,
                  p99 <= target ? "within" : "OVER"))
}
