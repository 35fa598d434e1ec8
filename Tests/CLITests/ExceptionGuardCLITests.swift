import Foundation
import Testing

/// The exception guard on the command line: `exceptions add` and `exceptions import` refuse what
/// would silence too much unless `--force`, refuse a past expiry, and `exceptions list` marks
/// stale and expired items.
@Suite struct ExceptionGuardCLITests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    /// One Kibana exception item line.
    private func itemLine(_ id: String, field: String = "destination.ip", value: String,
                          createdAt: String = "2026-01-05T10:00:00Z", expires: String? = nil) -> String {
        let expiry = expires.map { #","expire_time":"\#($0)""# } ?? ""
        return #"{"item_id":"\#(id)","list_id":"l","name":"\#(id)","description":"why \#(id)","type":"simple","#
            + #""namespace_type":"single","created_at":"\#(createdAt)","created_by":"elastic","#
            + #""entries":[{"field":"\#(field)","operator":"included","type":"match","value":"\#(value)"}]\#(expiry)}"#
    }

    /// A Kibana export: the list line, the items, the summary line.
    private func export(_ items: [String]) -> String {
        ([#"{"list_id":"l","name":"SMB","type":"detection","namespace_type":"single"}"#] + items
            + [#"{"exported_exception_list_count":1,"exported_exception_list_item_count":\#(items.count),"#
                + #""missing_exception_list_item_count":0,"missing_exception_list_items":[],"#
                + #""missing_exception_lists":[],"missing_exception_lists_count":0}"#])
            .joined(separator: "\n") + "\n"
    }

    private func storedIDs() throws -> [String] {
        try cli.run(["exceptions", "list", "--json"]).jsonLines.compactMap { $0["item_id"] as? String }.sorted()
    }

    @Test func importRefusesTheWholeInternetNamingTheLineAndImportsNothing() throws {
        let file = try cli.write("list.ndjson", export([
            itemLine("backup", value: "20.60.0.0/16"),
            itemLine("everything-v4", value: "0.0.0.0/0"),
            itemLine("everything-v6", value: "::/0"),
        ]))
        let refused = try cli.run(["exceptions", "import", file])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("\(file):3: refused item everything-v4: destination.ip is 0.0.0.0/0 would silence "
            + "the rule for all internal sources"))
        #expect(refused.errors.contains("\(file):4: refused item everything-v6: destination.ip is ::/0"))
        #expect(!refused.errors.contains(":2: refused"))
        #expect(refused.errors.contains("nothing imported from \(file): 2 of 3 items refused. Add --force"))
        #expect(try storedIDs().isEmpty)

        let forced = try cli.run(["exceptions", "import", file, "--force"])
        #expect(forced.status == 0, "\(forced.errors)")
        #expect(forced.errors.contains("\(file):3: imported anyway item everything-v4"))
        #expect(try storedIDs() == ["backup", "everything-v4", "everything-v6"])
    }

    /// An item the detector cannot evaluate is a file:line error before the guard judges any
    /// item: no refusal, no "imported anyway" for an item that would then fail, nothing imported.
    @Test func importNamesAnInvalidAddressByItsLineBeforeTheGuard() throws {
        let file = try cli.write("typo.ndjson", export([
            itemLine("everything-v4", value: "0.0.0.0/0"),
            itemLine("new1", value: "203.0.113.0/24x"),
        ]))
        for force in [false, true] {
            let result = try cli.run(["exceptions", "import", file] + (force ? ["--force"] : []))
            #expect(result.status == 1)
            #expect(result.errors.contains("\(file):3: exception item new1, field destination.ip: "), "\(result.errors)")
            #expect(result.errors.contains("invalid IP address \"203.0.113.0/24x\""))
            #expect(!result.errors.contains("refused item"))
            #expect(!result.errors.contains("imported anyway"))
            #expect(try storedIDs().isEmpty)
        }
    }

    @Test func importJudgesItemsWithTheStoredOnesAndThoseBeforeThem() throws {
        #expect(try cli.run(["exceptions", "add", "--source", "192.168.0.0/19", "--comment", "lab"]).status == 0)
        let file = try cli.write("more.ndjson", export([
            itemLine("half-of-ten", field: "source.ip", value: "10.0.0.0/9"),
            itemLine("more-lab", field: "source.ip", value: "192.168.32.0/19"),
        ]))
        let refused = try cli.run(["exceptions", "import", file])
        #expect(refused.status == 1)
        #expect(refused.errors.contains(":2: refused item half-of-ten: source.ip is 10.0.0.0/9 would silence the rule "
            + "for half of 10.0.0.0/8 (8,388,608 internal sources)"))
        #expect(refused.errors.contains(":3: refused item more-lab: source.ip is 192.168.32.0/19, together with the active "
            + "exceptions already in place, would silence the rule for 1/4 of 192.168.0.0/16"))
        #expect(try storedIDs().count == 1)
    }

    @Test func addRefusesHalfAPrivateRangeAndTwoHalvesOfIt() throws {
        for range in ["10.0.0.0/9", "172.16.0.0/13", "192.168.0.0/17"] {
            let refused = try cli.run(["exceptions", "add", "--source", range, "--comment", "half"])
            #expect(refused.status == 1, "\(range)")
            #expect(refused.errors.contains("would silence the rule for half of"), "\(refused.errors)")
        }
        #expect(try cli.run(["exceptions", "add", "--source", "10.0.0.0/9", "--comment", "half", "--force"]).status == 0)
        let second = try cli.run(["exceptions", "add", "--source", "10.128.0.0/9", "--comment", "other half"])
        #expect(second.status == 1)
        #expect(second.errors.contains("together with the active exceptions already in place, for all of 10.0.0.0/8"))
    }

    @Test func anExceptionForOneInternalSourceHostNeedsForceAndSaysWhy() throws {
        let refused = try cli.run(["exceptions", "add", "--source", "10.1.1.5", "--comment", "reimaged"])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("would silence every future alert of the internal host 10.1.1.5, "
            + "even if that host is the compromised one"))
        #expect(refused.errors.contains("Add --force"))
        #expect(try storedIDs().isEmpty)
        #expect(try cli.run(["exceptions", "add", "--source", "10.1.1.5", "--destination", "45.146.164.10",
                             "--comment", "vendor sync"]).status == 0)
        #expect(try cli.run(["exceptions", "add", "--source", "10.1.1.5", "--comment", "reimaged", "--force"]).status == 0)
        #expect(try storedIDs().count == 2)
    }

    @Test func anExpiryInThePastIsRefusedEvenWithForce() throws {
        for arguments in [[String](), ["--force"]] {
            let refused = try cli.run(["exceptions", "add", "--destination", "8.8.8.8", "--comment", "old",
                                       "--expires", "2020-01-01"] + arguments)
            #expect(refused.status == 1)
            #expect(refused.errors.contains("expired at 2020-01-02T00:00:00Z: it would never apply"), "\(refused.errors)")
        }
        let file = try cli.write("expired.ndjson", export([itemLine("gone", value: "8.8.8.8", expires: "2021-01-01T00:00:00Z")]))
        let imported = try cli.run(["exceptions", "import", file])
        #expect(imported.status == 1)
        #expect(imported.errors.contains(":2: refused item gone: destination.ip is 8.8.8.8 expired at 2021-01-01T00:00:00Z"))
        #expect(try storedIDs().isEmpty)
    }

    @Test func listMarksStaleAndExpiredItems() throws {
        let file = try cli.write("old.ndjson", export([
            itemLine("azure", value: "20.60.0.0/16", createdAt: "2025-06-01T00:00:00Z"),
            itemLine("forgotten", value: "45.146.164.0/24", createdAt: "2025-06-01T00:00:00Z"),
            itemLine("gone", value: "8.8.8.8", expires: "2021-01-01T00:00:00Z"),
        ]))
        #expect(try cli.run(["exceptions", "import", file, "--force"]).status == 0)
        let flows = try cli.write("flows.ndjson", ECSFixture.lines([
            ECSFixture.flow(source: "10.1.1.5", destination: "20.60.1.10", serial: 1),
        ]))
        #expect(try cli.run(["ingest", flows]).status == 0)

        let listed = try cli.run(["exceptions", "list", "--json"]).jsonLines
        let byID = Dictionary(uniqueKeysWithValues: listed.map { ($0["item_id"] as? String ?? "", $0) })
        #expect(byID["azure"]?["state"] as? String == "active")
        #expect(byID["azure"]?["last_suppressed_at"] is String)
        #expect(byID["forgotten"]?["state"] as? String == "stale")
        #expect(byID["forgotten"]?["stale"] as? Bool == true)
        #expect(byID["forgotten"]?["last_suppressed_at"] is NSNull)
        #expect(byID["gone"]?["state"] as? String == "expired")
        #expect(byID["gone"]?["stale"] as? Bool == false)

        let text = try cli.run(["exceptions", "list"]).output
        let states = text.split(separator: "\n").dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true) }
            .map { "\($0[0]) \($0[1])" }
        #expect(Set(states) == ["azure active", "forgotten stale", "gone expired"])

        let patient = try cli.run(["exceptions", "list", "--json", "--stale-days", "100000"]).jsonLines
        #expect(patient.allSatisfy { $0["stale"] as? Bool == false })
        #expect(try cli.run(["exceptions", "list", "--stale-days", "0"]).status == 2)
    }
}
