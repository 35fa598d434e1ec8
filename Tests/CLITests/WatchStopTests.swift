import Foundation
import Testing

/// SIGTERM ends `watch` after the current batch with its checkpoints saved; restarts read on from
/// there, so a log that grows all along is stored with every record exactly once.
@Suite struct WatchStopTests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    /// Appends `lines` to `path`, `perWrite` at a time with a pause between writes, on a thread of its own.
    final class GrowingLog: @unchecked Sendable {
        private let finished = NSCondition()
        private var isDone = false

        init(cli: CLIHarness, path: String, lines: [String], perWrite: Int, pause: TimeInterval) {
            Thread.detachNewThread { [self] in
                for start in stride(from: 0, to: lines.count, by: perWrite) {
                    let chunk = lines[start..<min(start + perWrite, lines.count)]
                    try? cli.append(chunk.joined(separator: "\n") + "\n", to: path)
                    Thread.sleep(forTimeInterval: pause)
                }
                finished.withLock {
                    isDone = true
                    finished.broadcast()
                }
            }
        }

        var isFinished: Bool { finished.withLock { isDone } }

        func wait() {
            finished.withLock { while !isDone { finished.wait() } }
        }
    }

    /// The lines each `file [format]: N lines, …` report of a run says it read.
    private func linesRead(_ run: CLIHarness.Run) -> [Int] {
        run.output.split(separator: "\n").compactMap { line in
            guard let start = line.range(of: "]: "),
                  let end = line.range(of: " lines, ", range: start.upperBound..<line.endIndex) else { return nil }
            return Int(line[start.upperBound..<end.lowerBound])
        }
    }

    @Test func sigtermStopsAfterTheBatchAndRestartsReadEveryRecordExactlyOnce() throws {
        let total = 600
        // A hostile file name: watch's lines must show its escape character escaped.
        let log = try cli.write("flows-\u{1b}[31m.ndjson", "")
        let flows = (1...total).map { serial in
            ECSFixture.flow(source: "10.6.\(serial / 250).\(serial % 250 + 1)", destination: "45.146.165.9",
                            serial: serial)
        }
        let writer = GrowingLog(cli: cli, path: log, lines: flows, perWrite: 5, pause: 0.1)
        var runs: [CLIHarness.Run] = []
        for _ in 0..<2 {
            let watch = try cli.launch(["watch", log, "--interval", "1s"])
            Thread.sleep(forTimeInterval: 1.5)
            #expect(!writer.isFinished, "the log should still be growing when watch is stopped")
            runs.append(try #require(CLIHarness.terminate(watch), "watch did not stop on SIGTERM"))
        }
        let last = try cli.launch(["watch", log, "--interval", "1s"])
        writer.wait()
        #expect(try cli.waitForAlerts(total) == total)
        runs.append(try #require(CLIHarness.terminate(last), "watch did not stop on SIGTERM"))

        for run in runs {
            #expect(run.status == 0, "\(run.errors)")
            let lines = run.output.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("watching 1 input into ") == true)
            #expect(lines.contains { $0.hasPrefix("stopping on SIGTERM: every file read has its checkpoint saved") })
            #expect(lines.last == "stopped")
            #expect(lines.contains { $0.hasPrefix("execution ") && $0.contains("read since the last execution: ") })
            #expect(!(run.output + run.errors).contains("\u{1b}"))
            #expect(run.output.contains("flows-\\x1b[31m.ndjson [ecs]: "))
            // Nothing read twice: no record a run read was already in the store.
            #expect(lines.allSatisfy { !$0.contains("[ecs]") || $0.contains(", 0 already stored)") })
        }
        #expect(runs.allSatisfy { !linesRead($0).isEmpty })
        #expect(runs.map { linesRead($0).reduce(0, +) }.reduce(0, +) == total)
        let stored = try cli.run(["alerts", "--json", "--limit", "100000"]).jsonLines.compactMap { $0["log.file.line"] as? Int }
        #expect(stored.count == total)
        #expect(Set(stored) == Set(1...total))
    }
}
