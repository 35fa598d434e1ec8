import Foundation
import Testing

/// The conventions people bring from git, kubectl and gh.
@Suite struct CLIConventionTests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    private func ingestTwoHosts() throws {
        let file = try cli.write("flows.ndjson", ECSFixture.lines([
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1, bytesOut: 10, hostName: "WS-ANNA"),
            ECSFixture.flow(source: "10.1.1.6", destination: "45.146.164.11", serial: 2, bytesOut: 9000),
        ]))
        #expect(try cli.run(["ingest", file]).status == 0)
    }

    @Test func globalOptionsWorkBeforeTheSubcommand() throws {
        let file = try cli.write("one.ndjson", ECSFixture.lines([
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1),
        ]))
        let ingest = try cli.run(["--db", cli.database, "ingest", file], useDatabase: false)
        #expect(ingest.status == 0, "\(ingest.errors)")
        let hosts = try cli.run(["--db=\(cli.database)", "hosts", "--json"], useDatabase: false)
        #expect(hosts.jsonLines.map { $0["source.ip"] as? String } == ["10.1.1.5"])
        let id = try #require(try cli.run(["alerts", "--json"]).jsonLines.first?["smbtriage.alert.id"] as? Int)
        let ack = try cli.run(["alerts", "--db", cli.database, "ack", "\(id)"], useDatabase: false)
        #expect(ack.status == 0, "\(ack.errors)")
        #expect(try cli.run(["alerts", "--status", "acknowledged", "--json"]).jsonLines.count == 1)

        // A global option the command does not take concerns it no more than git's -c does.
        let noColor = try cli.run(["--no-color", "--db", cli.database, "hosts", "--json"], useDatabase: false)
        #expect(noColor.status == 0, "\(noColor.errors)")
        #expect(noColor.jsonLines.count == 1)
        #expect(try cli.run(["--db", cli.database, "rule", "--json"], useDatabase: false).status == 0)
        let console = try cli.run(["--no-color", "--db", cli.database + "-missing"], useDatabase: false)
        #expect(console.errors.contains("--create"), "\(console.errors)")
    }

    @Test func anUnknownSubcommandSuggestsTheNearestOne() throws {
        let typo = try cli.run(["hots"], useDatabase: false)
        #expect(typo.status == 2)
        #expect(typo.errors.contains("did you mean 'hosts'?") || typo.errors.contains("Did you mean 'hosts'?"))
        #expect(!typo.errors.contains("console"), "\(typo.errors)")
        let nested = try cli.run(["alerts", "clsoe", "1"])
        #expect(nested.status == 2)
        #expect(nested.errors.contains("'close'"), "\(nested.errors)")
        let unrelated = try cli.run(["--db", cli.database, "frobnicate"], useDatabase: false)
        #expect(unrelated.status == 2)
        #expect(!unrelated.errors.contains("Did you mean"))
    }

    @Test func enumeratedValuesAreKebabCaseAndTheConsoleWordsWork() throws {
        try ingestTwoHosts()
        let byBytes = try cli.run(["hosts", "--sort", "bytes-out", "--json"])
        #expect(byBytes.status == 0, "\(byBytes.errors)")
        #expect(byBytes.jsonLines.map { $0["source.ip"] as? String } == ["10.1.1.6", "10.1.1.5"])
        #expect(try cli.run(["hosts", "--sort", "bytes out", "--json"]).jsonLines.map { $0["source.ip"] as? String }
            == ["10.1.1.6", "10.1.1.5"])
        #expect(try cli.run(["hosts", "--sort", "last-seen", "--json"]).status == 0)
        let help = try cli.run(["hosts", "--help"], useDatabase: false)
        #expect(help.output.contains("bytes-out") && !help.output.contains("bytesOut"))

        let id = try #require(try cli.run(["alerts", "--json"]).jsonLines.first?["smbtriage.alert.id"] as? Int)
        #expect(try cli.run(["alerts", "ack", "\(id)"]).status == 0)
        #expect(try cli.run(["alerts", "--status", "ack", "--json"]).jsonLines.count == 1)
        #expect(try cli.run(["hosts", "--status", "ack", "--json"]).jsonLines.count == 1)
        #expect(try cli.run(["alerts", "--status", "acknowledged", "--json"]).jsonLines.count == 1)
    }
}
