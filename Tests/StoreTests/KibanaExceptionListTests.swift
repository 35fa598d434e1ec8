import Detection
import Foundation
import Testing

@Suite("Kibana exception list NDJSON")
struct KibanaExceptionListTests {
    private let items = [
        ExceptionItem(id: "azure", name: "Azure Files", comment: "storage accounts", author: "ana",
                      createdAt: Date(timeIntervalSince1970: 1_780_000_000.5),
                      expiresAt: Date(timeIntervalSince1970: 1_790_000_000),
                      entries: [ExceptionEntry(field: "destination.ip", value: .match("20.60.0.0/16"))]),
        ExceptionItem(id: "lab", name: "Lab scanners", comment: "", author: "bo",
                      createdAt: Date(timeIntervalSince1970: 1_780_000_500),
                      entries: [
                          ExceptionEntry(field: "source.ip", value: .matchAny(["10.50.0.0/16", "10.51.0.1"])),
                          ExceptionEntry(field: "destination.port", operator: .excluded, value: .match("139")),
                      ]),
    ]

    @Test func exportThenParseGivesTheItemsBack() throws {
        let text = KibanaExceptionList.export(items, listID: "smbtriage", now: Date(timeIntervalSince1970: 1_780_001_000))
        #expect(try KibanaExceptionList.parse(text).map(\.item) == items)
    }

    @Test func exportHasTheListItemAndSummaryLinesKibanaWrites() throws {
        let text = KibanaExceptionList.export(items, listID: "smbtriage", now: Date(timeIntervalSince1970: 1_780_001_000))
        let lines = text.split(separator: "\n").map { line in
            try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        }
        #expect(lines.count == 4)
        #expect(lines[0]["list_id"] as? String == "smbtriage")
        #expect(lines[0]["type"] as? String == "detection")
        #expect(lines[0]["namespace_type"] as? String == "single")
        #expect(lines[1]["item_id"] as? String == "azure")
        #expect(lines[1]["type"] as? String == "simple")
        #expect(lines[1]["expire_time"] as? String == "2026-09-21T14:13:20.000Z")
        #expect(lines[1]["created_at"] as? String == "2026-05-28T20:26:40.500Z")
        let comments = lines[1]["comments"] as? [[String: Any]]
        #expect(comments?.first?["comment"] as? String == "storage accounts")
        let entry = (lines[2]["entries"] as? [[String: Any]])?.first
        #expect(entry?["type"] as? String == "match_any")
        #expect(entry?["operator"] as? String == "included")
        #expect(entry?["value"] as? [String] == ["10.50.0.0/16", "10.51.0.1"])
        #expect(lines[3]["exported_exception_list_item_count"] as? Int == 2)
        #expect(lines[3]["exported_exception_list_count"] as? Int == 1)
    }

    @Test func parsesAKibanaExportWithItsOwnFieldsAndWithoutFractionalSeconds() throws {
        let text = """
            {"_version":"WzEsMV0=","created_at":"2024-03-01T10:00:00.000Z","created_by":"elastic","description":"d","id":"x","immutable":false,"list_id":"smb-exceptions","name":"SMB","namespace_type":"single","os_types":[],"tags":[],"tie_breaker_id":"t","type":"detection","updated_at":"2024-03-01T10:00:00.000Z","updated_by":"elastic","version":1}
            {"_version":"WzIsMV0=","comments":[],"created_at":"2024-03-01T10:05:00Z","created_by":"elastic","description":"Backup to S3 gateway","entries":[{"field":"destination.ip","operator":"included","type":"match","value":"52.94.0.0/16"}],"id":"y","item_id":"s3-gateway","list_id":"smb-exceptions","name":"S3 gateway","namespace_type":"single","os_types":[],"tags":[],"tie_breaker_id":"u","type":"simple","updated_at":"2024-03-01T10:05:00.000Z","updated_by":"elastic"}

            {"exported_exception_list_count":1,"exported_exception_list_item_count":1,"missing_exception_list_item_count":0,"missing_exception_list_items":[],"missing_exception_lists":[],"missing_exception_lists_count":0}
            """
        #expect(try KibanaExceptionList.parse(text).map(\.line) == [2])
        let parsed = try KibanaExceptionList.parse(text).map(\.item)
        #expect(parsed == [ExceptionItem(
            id: "s3-gateway", name: "S3 gateway", comment: "Backup to S3 gateway", author: "elastic",
            createdAt: Date(timeIntervalSince1970: 1_709_287_500),
            entries: [ExceptionEntry(field: "destination.ip", value: .match("52.94.0.0/16"))])])
    }

    @Test func errorsNameTheLine() throws {
        let export = KibanaExceptionList.export(items, listID: "l", now: Date(timeIntervalSince1970: 0))
        var lines = export.split(separator: "\n").map(String.init)

        let unsupported = lines[1].replacingOccurrences(of: #""type":"match""#, with: #""type":"wildcard""#)
        #expect(throws: KibanaExceptionListError(line: 2, reason: "entry 1: entry type \"wildcard\" on destination.ip "
            + "is not one smbtriage evaluates (only match and match_any)")) {
            try KibanaExceptionList.parse([lines[0], unsupported].joined(separator: "\n"))
        }

        let truncated = [lines[0], lines[1], lines[3]].joined(separator: "\n")
        let error = try #require(throws: KibanaExceptionListError.self) { try KibanaExceptionList.parse(truncated) }
        #expect(error.line == 3)
        #expect(error.description.hasPrefix("line 3: the summary counts 2 items"))

        lines[2] = "{not json"
        #expect(throws: KibanaExceptionListError(line: 3, reason: "not valid JSON")) {
            try KibanaExceptionList.parse(lines.joined(separator: "\n"))
        }

        let missingName = #"{"item_id":"a","list_id":"l","type":"simple","entries":[]}"#
        #expect(throws: KibanaExceptionListError(line: 1, reason: "the key \"name\" is missing")) {
            try KibanaExceptionList.parse(missingName)
        }
    }

    @Test func entriesRoundTripThroughTheirJSON() throws {
        let entries = items[1].entries
        #expect(try KibanaExceptionList.entries(json: KibanaExceptionList.entriesJSON(entries)) == entries)
    }
}
