import BenchmarkSupport
import BundledRules
import Detection
import Foundation

/// Measures `Detector` on one core: pre-parsed events against the bundled rule, with 10,000
/// active exception items and with none. Prints events per second of thread CPU time, overall and
/// for the best chunk of passes, and of wall time (which a busy machine lowers).

let eventCount = 1_024
let exceptionCount = 10_000
let minimumCPUSeconds = 1.0

/// Evaluates the events in chunks of `passesPerChunk` passes for at least `minimumCPUSeconds` of
/// CPU time. Returns the overall rate, the best chunk's rate (the least disturbed by other work
/// on the machine) and the verdict counts of one pass.
func measure(_ detector: Detector, on events: [NetworkEvent])
    -> (cpuRate: Double, bestChunkRate: Double, wallRate: Double, alerts: Int, suppressed: Int)
{
    let passesPerChunk = 32
    let reference = detector.verdicts(for: events)
    let alerts = reference.filter { $0 == .alert }.count
    let suppressed = reference.filter { if case .suppressed = $0 { true } else { false } }.count
    let wallStart = Date()
    let cpuStart = CPUClock.threadSeconds()
    var evaluated = 0
    var matched = 0
    var bestChunkRate = 0.0
    while CPUClock.threadSeconds() - cpuStart < minimumCPUSeconds {
        let chunkStart = CPUClock.threadSeconds()
        for _ in 0..<passesPerChunk {
            // A pattern match, not `!=`: comparing verdicts would copy each one's exception id.
            for verdict in detector.verdicts(for: events) { if case .noMatch = verdict {} else { matched += 1 } }
        }
        bestChunkRate = max(bestChunkRate, Double(passesPerChunk * events.count) / (CPUClock.threadSeconds() - chunkStart))
        evaluated += passesPerChunk * events.count
    }
    let cpuSeconds = CPUClock.threadSeconds() - cpuStart
    let wallSeconds = Date().timeIntervalSince(wallStart)
    precondition(matched == evaluated / events.count * (alerts + suppressed), "verdicts changed between passes")
    return (Double(evaluated) / cpuSeconds, bestChunkRate, Double(evaluated) / wallSeconds, alerts, suppressed)
}

func millions(_ rate: Double) -> String { String(format: "%.1f M", rate / 1e6) }

let workload = BenchmarkWorkload(eventCount: eventCount, exceptionCount: exceptionCount)
let rule = try CompiledRule(DetectionRule.bundled())
let compileStart = CPUClock.threadSeconds()
let exceptions = try CompiledExceptions(workload.exceptionItems, activeAt: Date(timeIntervalSince1970: 1_800_000_000))
let compileSeconds = CPUClock.threadSeconds() - compileStart

print("detection-benchmark: \(eventCount) pre-parsed events, bundled rule v\(rule.rule.version), one core")
print(String(format: "compiled %d active exception items in %.1f ms", exceptions.activeCount, compileSeconds * 1000))
for (label, compiled) in [("10,000 exceptions", exceptions), ("0 exceptions", CompiledExceptions.none)] {
    let result = measure(Detector(rule: rule, exceptions: compiled), on: workload.events)
    print("\(label): \(millions(result.cpuRate)) events/s CPU time, best chunk \(millions(result.bestChunkRate)) "
        + "(\(millions(result.wallRate)) events/s wall); "
        + "per pass \(result.alerts) alerts, \(result.suppressed) suppressed, "
        + "\(eventCount - result.alerts - result.suppressed) no match")
}
