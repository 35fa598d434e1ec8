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

    @Test func aFileItCannotFollowIsSaidOnceAndTheRestIsReadWithAClosedCaptureOnce() throws {
        let logs = cli.directory.appendingPathComponent("watched")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        _ = try cli.write("watched/flows.ndjson", ECSFixture.lines([flow(1)]))
        try Data([0x7F, 0x45, 0x4C, 0x46] + [UInt8](repeating: 0, count: 4096))
            .write(to: logs.appendingPathComponent("core.bin"))
        let capture = logs.appendingPathComponent("smb.pcap").path
        try FileManager.default.copyItem(atPath: CaptureCLITests.capture, toPath: capture)
        // A capture nothing has written to for an hour: closed, so read whole, once.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: capture)
        let launched = try cli.launch(["watch", logs.path, "--interval", "1s"])
        #expect(try cli.waitForAlerts(1) == 1)
        Thread.sleep(forTimeInterval: 2.5)  // a few more polls, which must not repeat the notice
        let run = try #require(CLIHarness.terminate(launched))
        let lines = run.errors.components(separatedBy: "\n")
        let binary = lines.filter { $0.contains("core.bin") }
        #expect(binary.count == 1, "\(run.errors)")
        #expect(binary.first?.contains("binary data") == true && binary.first?.contains("not followed until this changes") == true)
        #expect(!run.errors.contains("smb.pcap"), "\(run.errors)")
        let read = run.output.components(separatedBy: "\n").filter { $0.contains("smb.pcap [pcap]: 36 packets") }
        #expect(read.count == 1, "\(run.output)")
        #expect(try cli.run(["hosts", "--json"]).jsonLines.contains { $0["source.ip"] as? String == "192.168.1.78" })
    }
}
