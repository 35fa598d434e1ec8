import Foundation
import Testing

/// `smbtriage watch` follows growing logs across rotation and restarts, never storing a record twice.
@Suite struct WatchTests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    private func flow(_ serial: Int) -> String {
        ECSFixture.flow(source: "10.5.0.\(serial)", destination: "45.146.164.\(serial)", serial: serial)
    }

    @Test func followsGrowthRotationAndRestarts() throws {
        let log = try cli.write("flows.ndjson", ECSFixture.lines([flow(1)]))
        let (first, _, _) = try cli.launch(["watch", log, "--interval", "1s"], discardOutput: true)
        defer { CLIHarness.kill(first) }
        #expect(try cli.waitForAlerts(1) == 1)
        try cli.append(flow(2) + "\n", to: log)
        #expect(try cli.waitForAlerts(2) == 2)
        // A line being written is not read until it is complete.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(flow(3).prefix(40).utf8))
        Thread.sleep(forTimeInterval: 1.5)
        #expect(try cli.run(["alerts", "--json"]).jsonLines.count == 2)
        try handle.write(contentsOf: Data((flow(3).dropFirst(40) + "\n").utf8))
        try handle.close()
        #expect(try cli.waitForAlerts(3) == 3)
        CLIHarness.kill(first)

        // While nobody watches: the log grows, then rotates, and a new one starts.
        try cli.append(flow(4) + "\n", to: log)
        try FileManager.default.moveItem(atPath: log, toPath: log + ".1")
        _ = try cli.write("flows.ndjson", ECSFixture.lines([flow(5)]))
        let (second, _, _) = try cli.launch(["watch", log, "--interval", "1s"], discardOutput: true)
        defer { CLIHarness.kill(second) }
        #expect(try cli.waitForAlerts(5) == 5)
        Thread.sleep(forTimeInterval: 1.5)
        CLIHarness.kill(second)

        let sources = try cli.run(["alerts", "--json"]).jsonLines.compactMap { $0["source.ip"] as? String }
        #expect(sources.sorted() == (1...5).map { "10.5.0.\($0)" })
    }
}
