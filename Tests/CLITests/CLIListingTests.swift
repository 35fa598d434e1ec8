import Foundation
import Testing

/// Listings keep standard output for data, count in words that agree with the numbers, take a
/// host by name, and never cut a list without saying so.
@Suite struct CLIListingTests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    private func ingest(_ flows: [String]) throws {
        let run = try cli.run(["ingest", try cli.write("flows-\(UUID().uuidString).ndjson", ECSFixture.lines(flows))])
        #expect(run.status == 0, "\(run.errors)")
    }

    private func alertIDs() throws -> [Int] {
        try cli.run(["alerts", "--json"]).jsonLines.compactMap { $0["smbtriage.alert.id"] as? Int }.sorted()
    }

    @Test func aHostIsTakenByHostnameAndAnAmbiguousNameListsTheCandidates() throws {
        try ingest([
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1, hostName: "WS-ANNA"),
            ECSFixture.flow(source: "10.1.1.7", destination: "45.146.164.11", serial: 2, hostName: "KIOSK"),
            ECSFixture.flow(source: "10.1.1.8", destination: "45.146.164.12", serial: 3, hostName: "KIOSK"),
        ])
        let history = try cli.run(["history", "ws-anna", "--json"])
        #expect(history.status == 0, "\(history.errors)")
        #expect(history.jsonLines.map { $0["destination.ip"] as? String } == ["45.146.164.10"])
        let alerts = try cli.run(["alerts", "--host", "WS-ANNA", "--json"]).jsonLines
        #expect(alerts.map { $0["source.ip"] as? String } == ["10.1.1.5"])

        let ambiguous = try cli.run(["history", "KIOSK"])
        #expect(ambiguous.status == 2)
        #expect(ambiguous.errors.contains("10.1.1.7") && ambiguous.errors.contains("10.1.1.8"), "\(ambiguous.errors)")
        let unknown = try cli.run(["alerts", "--host", "NOBODY"])
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("NOBODY"))
    }

    @Test func jsonListingsAreNotCutSilentlyAndLimitZeroMeansAll() throws {
        try ingest((0..<1200).map {
            ECSFixture.flow(source: "10.3.\($0 / 250).\($0 % 250 + 1)", destination: "45.146.\($0 / 200).\($0 % 200 + 1)",
                            serial: $0)
        })
        let all = try cli.run(["alerts", "--json"])
        #expect(all.jsonLines.count == 1200)
        #expect(all.errors.isEmpty, "\(all.errors)")
        let cut = try cli.run(["alerts", "--json", "--limit", "10"])
        #expect(cut.jsonLines.count == 10)
        #expect(cut.errors.contains("10 of 1200 alerts"), "\(cut.errors)")
        #expect(try cli.run(["alerts", "--limit", "0"]).output.split(separator: "\n").count == 1201)
        let table = try cli.run(["hosts"])
        #expect(table.output.split(separator: "\n").count == 501)
        #expect(table.errors.contains("500 of 1200 hosts; --limit 0 lists them all"), "\(table.errors)")
        #expect(try cli.run(["hosts", "--json"]).jsonLines.count == 1200)
    }

    @Test func footersGoToStandardErrorAndCountInTheRightNumber() throws {
        try ingest([ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1)])
        let hosts = try cli.run(["hosts"])
        #expect(!hosts.output.contains(" of "), "\(hosts.output)")
        #expect(hosts.errors.contains("1 of 1 host") && !hosts.errors.contains("hosts"), "\(hosts.errors)")
        let alerts = try cli.run(["alerts"])
        #expect(alerts.errors.contains("1 of 1 alert") && !alerts.errors.contains("alerts"))
        let history = try cli.run(["history", "10.1.1.5"])
        #expect(history.errors.contains("1 SMB flow") && !history.errors.contains("flows"))
        #expect(!history.output.contains("SMB flow"))
        let ingest = try cli.run(["ingest", try cli.write("again.ndjson", ECSFixture.lines([
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1)]))])
        #expect(ingest.output.contains("1 line, 1 network event, 1 SMB record (0 new records, 0 new connections, 0 updates"), "\(ingest.output)")
    }

    @Test func exceptionMessagesCountInWordsAndEchoNoControls() throws {
        try ingest([ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1)])
        let add = try cli.run(["exceptions", "add", "--destination", "45.146.164.10", "--comment", "partner",
                               "--close-matching"])
        #expect(add.output.contains("1 matching open alert closed"), "\(add.output)")
        let export = try cli.run(["exceptions", "export"])
        let hostile = try cli.write("list\u{1B}]0;X\u{07}.ndjson", export.output)
        let imported = try cli.run(["exceptions", "import", hostile])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output.contains("1 exception item imported from "), "\(imported.output)")
        #expect(!imported.output.contains("\u{1B}") && imported.output.contains("\\x1b]0;X\\x07"), "\(imported.output)")
        let removed = try cli.run(["exceptions", "remove", "no\u{1B}[2Jsuch"])
        #expect(removed.status == 1 && !removed.errors.contains("\u{1B}"), "\(removed.errors)")
    }

    @Test func ingestCountsTheFlowsTheStoreHoldsWhenAReportUpdatesAnother() throws {
        let interim = ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1, bytesOut: 100)
            .replacingOccurrences(of: #""final":true"#, with: #""final":false"#)
        let final = ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1, bytesOut: 900)
            .replacingOccurrences(of: "10:00:01.000Z", with: "10:00:30.000Z")
        let run = try cli.run(["ingest", try cli.write("reports.ndjson", ECSFixture.lines([interim, final]))])
        #expect(run.output.contains("2 SMB records (1 new record, 1 new connection, 1 update of a stored flow, 0 already stored)"), "\(run.output)")
        let stored = try cli.run(["history", "10.1.1.5", "--json"]).jsonLines
        #expect(stored.count == 1)
        #expect(stored.first?["source.bytes"] as? Int == 900)
    }

    @Test func closingSaysWhichAlertsWereAlreadyClosed() throws {
        try ingest([
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1),
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.11", serial: 2),
        ])
        let ids = try alertIDs()
        #expect(try cli.run(["alerts", "close", "\(ids[0])", "--reason", "benign"]).output == "alert \(ids[0]) now closed\n")
        let both = try cli.run(["alerts", "close", "\(ids[0])", "\(ids[1])", "--reason", "benign"])
        #expect(both.status == 0)
        #expect(both.output == "alert \(ids[1]) now closed\nalert \(ids[0]) already closed\n", "\(both.output)")
    }

    @Test func auditShowsTheAlertIDAndHostAndNotesCanBeRead() throws {
        try ingest([
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1, hostName: "WS-ANNA"),
            ECSFixture.flow(source: "10.1.1.6", destination: "45.146.164.11", serial: 2),
        ])
        let ids = try alertIDs()
        #expect(try cli.run(["note", "\(ids[0])", "called the user"]).status == 0)
        #expect(try cli.run(["note", "\(ids[1])", "someone else"]).status == 0)
        let audit = try cli.run(["audit", "--json"]).jsonLines
        #expect(Set(audit.compactMap { $0["smbtriage.alert.id"] as? Int }) == Set(ids))
        #expect(audit.contains { $0["source.ip"] as? String == "10.1.1.5" })
        let table = try cli.run(["audit"])
        #expect(table.output.contains("ALERT") && table.output.contains("10.1.1.6"), "\(table.output)")

        let byID = try cli.run(["notes", "\(ids[0])", "--json"]).jsonLines
        #expect(byID.map { $0["text"] as? String } == ["called the user"])
        let byHost = try cli.run(["notes", "WS-ANNA"])
        #expect(byHost.status == 0, "\(byHost.errors)")
        #expect(byHost.output.contains("called the user") && !byHost.output.contains("someone else"))
        #expect(byHost.errors.contains("1 note"))
        #expect(try cli.run(["notes", "999999"]).status == 1)
    }

    @Test func aMissingStoreIsRefusedInsteadOfCreatedUnlessAsked() throws {
        let missing = cli.directory.appendingPathComponent("nothing-here.db").path
        for command in [["console"], ["hosts"], ["alerts", "ack", "1"], ["note", "1", "text"], ["detect"],
                        ["exceptions", "remove", "4f1c"], ["store", "check", "--recount"], ["retention", "set", "--flows", "30d"],
                        ["prune"]] {
            let run = try cli.run(command + ["--db", missing], useDatabase: false)
            #expect(run.status == 1, "\(command)")
            #expect(run.errors.contains("There is no store at \(missing)"), "\(command): \(run.errors)")
            #expect(!FileManager.default.fileExists(atPath: missing), "\(command) created the store")
        }
        #expect(try cli.run(["console", "--db", missing], useDatabase: false).errors.contains("--create"))
        let created = try cli.run(["console", "--create", "--db", missing], useDatabase: false)
        #expect(FileManager.default.fileExists(atPath: missing), "\(created.errors)")
        // A new store can be set to run the new-terms version before its first logs.
        let fresh = cli.directory.appendingPathComponent("fresh.db").path
        let chosen = try cli.run(["rule", "use", "108", "--db", fresh], useDatabase: false)
        #expect(chosen.status == 0 && FileManager.default.fileExists(atPath: fresh), "\(chosen.errors)")
    }

    @Test func withoutAnalystOrUserTheAccountNameIsRecorded() throws {
        try ingest([ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1)])
        let id = try #require(try alertIDs().first)
        let ack = try cli.run(["alerts", "ack", "\(id)"], unsetting: ["SMBTRIAGE_ANALYST", "USER", "LOGNAME"])
        #expect(ack.status == 0)
        let account = try #require(getpwuid(getuid())).pointee.pw_name.map { String(cString: $0) }
        let actors = try cli.run(["audit", "--json"]).jsonLines.compactMap { $0["actor"] as? String }
        #expect(actors == [account])
        #expect(!actors.contains { $0.hasPrefix("uid-") })
    }
}
