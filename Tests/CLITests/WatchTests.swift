import Foundation
import Testing

/// `smbtriage watch` follows growing logs across rotation and restarts, never storing a record twice.
@Suite struct WatchTests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    private func append(_ line: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((line + "\n").utf8))
        try handle.close()
    }

    /// Polls the alert count until it reaches `count` or 20 s pass.
    private func waitForAlerts(_ count: Int) throws -> Int {
        var seen = 0
        for _ in 0..<100 {
            seen = try cli.run(["alerts", "--json"]).jsonLines.count
            if seen >= count { return seen }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return seen
    }

    private func flow(_ serial: Int) -> String {
        ECSFixture.flow(source: "10.5.0.\(serial)", destination: "45.146.164.\(serial)", serial: serial)
    }

    @Test func followsGrowthRotationAndRestarts() throws {
        let log = try cli.write("flows.ndjson", ECSFixture.lines([flow(1)]))
        let (first, _, _) = try cli.launch(["watch", log, "--interval", "1s"])
        #expect(try waitForAlerts(1) == 1)
        try append(flow(2), to: log)
        #expect(try waitForAlerts(2) == 2)
        // A line being written is not read until it is complete.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(flow(3).prefix(40).utf8))
        Thread.sleep(forTimeInterval: 1.5)
        #expect(try cli.run(["alerts", "--json"]).jsonLines.count == 2)
        try handle.write(contentsOf: Data((flow(3).dropFirst(40) + "\n").utf8))
        try handle.close()
        #expect(try waitForAlerts(3) == 3)
        first.terminate()
        first.waitUntilExit()

        // While nobody watches: the log grows, then rotates, and a new one starts.
        try append(flow(4), to: log)
        try FileManager.default.moveItem(atPath: log, toPath: log + ".1")
        _ = try cli.write("flows.ndjson", ECSFixture.lines([flow(5)]))
        let (second, _, _) = try cli.launch(["watch", log, "--interval", "1s"])
        #expect(try waitForAlerts(5) == 5)
        Thread.sleep(forTimeInterval: 1.5)
        second.terminate()
        second.waitUntilExit()

        let sources = try cli.run(["alerts", "--json"]).jsonLines.compactMap { $0["source.ip"] as? String }
        #expect(sources.sorted() == (1...5).map { "10.5.0.\($0)" })
    }
}
