import Foundation
import Testing

/// `watch --on-alert CMD` hands each execution's new alerts to a command, and a failing or hanging
/// command is reported without holding up detection or losing alerts.
@Suite struct WatchOnAlertTests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    private func flow(_ serial: Int) -> String {
        ECSFixture.flow(source: "10.7.0.\(serial)", destination: "45.146.166.\(serial)", serial: serial)
    }

    private func jsonLines(_ path: String) -> [[String: Any]] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return CLIHarness.Run(status: 0, output: text, errors: "").jsonLines
    }

    /// Polls until `condition` holds or 20 s pass.
    private func eventually(_ condition: () -> Bool) -> Bool {
        for _ in 0..<200 {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    /// The processes running `sleep SECONDS`.
    private func sleeps(_ seconds: String) -> [String] {
        let arguments = "sleep\u{0}\(seconds)\u{0}"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { entry in
            guard Int(entry) != nil,
                  let commandLine = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return false }
            return String(decoding: commandLine, as: UTF8.self).hasSuffix(arguments)
        }
    }

    @Test func theCommandReceivesExactlyTheNewAlertsAsAlertsJSONDocuments() throws {
        let received = cli.directory.appendingPathComponent("received.ndjson").path
        let log = try cli.write("flows.ndjson", ECSFixture.lines((1...3).map(flow)))
        let watch = try cli.launch(["watch", log, "--interval", "1s", "--on-alert", "cat >> '\(received)'"])
        #expect(try cli.waitForAlerts(3) == 3)
        try cli.append(ECSFixture.lines([flow(4), flow(5)]), to: log)
        #expect(try cli.waitForAlerts(5) == 5)
        #expect(eventually { jsonLines(received).count >= 5 })
        let run = try #require(CLIHarness.terminate(watch))

        let delivered = jsonLines(received)
        let listed = try cli.run(["alerts", "--json"]).jsonLines
        let listedByID = Dictionary(uniqueKeysWithValues: listed.map { ($0["kibana.alert.uuid"] as! String, $0) })
        #expect(delivered.count == 5)
        #expect(Set(delivered.compactMap { $0["kibana.alert.uuid"] as? String }) == Set(listedByID.keys))
        for document in delivered {
            let id = try #require(document["kibana.alert.uuid"] as? String)
            #expect(NSDictionary(dictionary: document) == listedByID[id].map { NSDictionary(dictionary: $0) })
        }
        #expect(run.output.contains("on-alert: 3 alerts of execution 1: the command succeeded"))
        #expect(run.output.split(separator: "\n").filter { $0.contains("2 alerts of execution") }.count == 1)
    }

    @Test func aTimeoutThatIsNotADurationIsAUsageError() throws {
        let run = try cli.run(["watch", "flows.ndjson", "--on-alert", "true", "--on-alert-timeout", "5x"])
        #expect(run.status == 2)
        #expect(run.errors.contains("--on-alert-timeout 5x is not a duration such as 30s, 5m or 1h."))
    }

    @Test func aFailingCommandIsReportedAndDetectionGoesOn() throws {
        // More alerts than a pipe holds, for a command that exits without reading them.
        let log = try cli.write("flows.ndjson", ECSFixture.lines((1...150).map(flow)))
        let watch = try cli.launch(["watch", log, "--interval", "1s", "--on-alert", "exit 3"])
        #expect(try cli.waitForAlerts(150) == 150)
        try cli.append(ECSFixture.lines([flow(151)]), to: log)
        #expect(try cli.waitForAlerts(151) == 151)
        Thread.sleep(forTimeInterval: 1)
        let run = try #require(CLIHarness.terminate(watch))
        #expect(run.status == 0)
        let reports = run.errors.split(separator: "\n").filter { $0.hasPrefix("on-alert: ") }
        #expect(reports.count >= 2)
        #expect(reports.allSatisfy { $0.hasSuffix(": the command exited with status 3") })
        let reported = reports.compactMap { Int($0.dropFirst("on-alert: ".count).prefix { $0.isNumber }) }
        #expect(reported.reduce(0, +) == 151)
    }

    @Test func aHangingCommandIsKilledAfterItsTimeoutAndLaterAlertsStillReachTheCommand() throws {
        let marker = cli.directory.appendingPathComponent("hung").path
        let received = cli.directory.appendingPathComponent("received.ndjson").path
        let seconds = "600.\(Int.random(in: 1000...9999))"
        // The first run hangs (in a child of the shell); later runs record what they are given.
        let command = "if [ -e '\(marker)' ]; then cat >> '\(received)'; else touch '\(marker)'; sleep \(seconds); true; fi"
        let log = try cli.write("flows.ndjson", ECSFixture.lines([flow(1)]))
        let watch = try cli.launch(["watch", log, "--interval", "1s", "--on-alert", command,
                                    "--on-alert-timeout", "5s"])
        #expect(try cli.waitForAlerts(1) == 1)
        #expect(eventually { !sleeps(seconds).isEmpty })

        // Detection goes on while the command hangs.
        try cli.append(ECSFixture.lines([flow(2)]), to: log)
        #expect(try cli.waitForAlerts(2) == 2)
        #expect(!sleeps(seconds).isEmpty)

        // Killed after 5 s with its child; the waiting alert goes to the next run.
        #expect(eventually { jsonLines(received).count == 1 })
        #expect(sleeps(seconds).isEmpty)
        let run = try #require(CLIHarness.terminate(watch))
        #expect(jsonLines(received).map { $0["source.ip"] as? String } == ["10.7.0.2"])
        #expect(run.errors.contains("on-alert: 1 alert of execution 1: the command did not finish within 5 s and was killed"))
        #expect(run.output.contains(": the command succeeded"))
    }
}
