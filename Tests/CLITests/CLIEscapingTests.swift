import Foundation
import Testing

/// Nothing from a log or an argument reaches the terminal raw: not through `--json`, not through
/// an error message.
@Suite struct CLIEscapingTests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    /// C1 controls, bidi overrides and DEL that JSON serializers pass through raw.
    static let hostile = "PC\u{9B}2J\u{202E}exe\u{2066}\u{7F}\\x1b"

    static func hasTerminalControls(_ text: String) -> Bool {
        text.unicodeScalars.contains {
            $0.value == 0x1B || $0.value == 0x07 || (0x7F...0x9F).contains($0.value)
                || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
        }
    }

    @Test func jsonOutputEscapesC1BidiAndDELAndStillParsesBackToTheLoggedValue() throws {
        let file = try cli.write("hostile.ndjson", ECSFixture.lines([
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1, hostName: Self.hostile),
        ]))
        #expect(try cli.run(["ingest", file]).status == 0)
        let id = try #require(try cli.run(["alerts", "--json"]).jsonLines.first?["smbtriage.alert.id"] as? Int)
        #expect(try cli.run(["note", "\(id)", "seen \(Self.hostile)"]).status == 0)
        #expect(try cli.run(["exceptions", "add", "--destination", "20.60.0.0/16",
                             "--comment", "backup \(Self.hostile)"]).status == 0)
        let listings: [(arguments: [String], field: String, expected: String)] = [
            (["hosts", "--json"], "host.name", Self.hostile),
            (["alerts", "--json"], "source.domain", Self.hostile),
            (["history", "10.1.1.5", "--json"], "source.domain", Self.hostile),
            (["audit", "--json"], "detail", "seen \(Self.hostile)"),
            (["exceptions", "list", "--json"], "comment", "backup \(Self.hostile)"),
            (["exceptions", "export"], "description", "backup \(Self.hostile)"),
        ]
        for listing in listings {
            let run = try cli.run(listing.arguments)
            #expect(run.status == 0, "\(listing.arguments): \(run.errors)")
            #expect(!Self.hasTerminalControls(run.output), "\(listing.arguments) printed a raw control")
            #expect(run.output.contains(#"\u009b"#), "\(listing.arguments)")
            let values = run.jsonLines.compactMap { $0[listing.field] as? String }
            #expect(values.contains(listing.expected), "\(listing.arguments): \(values)")
        }
    }

    @Test func errorMessagesQuotingArgumentsAreSanitized() throws {
        let path = cli.directory.appendingPathComponent("\u{1B}]0;X\u{07}/db").path
        let store = try cli.run(["hosts", "--db", path], useDatabase: false)
        #expect(store.status == 1)
        #expect(!Self.hasTerminalControls(store.errors))
        #expect(store.errors.contains(#"\x1b]0;X\x07"#), "\(store.errors)")

        let parser = try cli.run(["hosts", "--sort", "\u{1B}]0;X\u{07}"])
        #expect(parser.status == 2)
        #expect(!Self.hasTerminalControls(parser.errors))
        #expect(parser.errors.contains(#"\x1b]0;X\x07"#), "\(parser.errors)")

        #expect(try cli.run(["ingest", try cli.write("one.ndjson", ECSFixture.lines([
            ECSFixture.flow(source: "10.0.0.1", destination: "45.146.164.10", serial: 1)]))]).status == 0)
        let host = try cli.run(["history", "10.0.0.1\u{1B}]0;X\u{07}"])
        #expect(host.status == 2)
        #expect(!Self.hasTerminalControls(host.errors))
        #expect(host.errors.contains(#"\x1b]0;X\x07"#), "\(host.errors)")

        let ruleFile = try cli.write("rule\u{1B}]0;X\u{07}.json", "{\n  \"rule_id\": \"x\",\n  \"query\": \"a:\n}\n")
        let check = try cli.run(["rule", "--check", ruleFile], useDatabase: false)
        #expect(check.status == 1)
        #expect(!Self.hasTerminalControls(check.errors))
        #expect(check.errors.contains(#"rule\x1b]0;X\x07.json:"#), "\(check.errors)")

        let command = try cli.run(["\u{9B}31m"], useDatabase: false)
        #expect(command.status == 2)
        #expect(!Self.hasTerminalControls(command.errors))
    }

    @Test func aLoggedBackslashIsDoubledBesideAnEscapedControlSoItCannotPassForOne() throws {
        let file = try cli.write("disguised.ndjson", ECSFixture.lines([
            ECSFixture.flow(source: "10.1.1.5", destination: "45.146.164.10", serial: 1,
                            hostName: "real\u{1B}fake\\x1b"),
        ]))
        #expect(try cli.run(["ingest", file]).status == 0)
        let table = try cli.run(["hosts"])
        #expect(table.output.contains(#"real\x1bfake\\x1b"#), "\(table.output)")
    }
}
