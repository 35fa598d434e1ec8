import BundledRules
import Detection
import SmbtriageKit
import Testing
import TriageModel

/// The CLI's text output: alerts grouped by connection, and tables that stay terminal-safe.
@Suite("CLI output")
struct OutputTests {
    private func alert(_ id: Int64, key: Int64?, status: AlertStatus, sensors: [String]) throws -> AlertRecord {
        let rule = try #require(try RuleCatalog.bundled().rule(version: 103)).rule
        var record = DocumentSamples.alerts(rule: rule)[1]
        record.id = id
        record.status = status
        record.connection = AlertConnection(key: key, sensors: sensors)
        return record
    }

    @Test func alertsOfOneConnectionShareARowInTheOrderTheirFirstAlertCame() throws {
        var rows = ConnectionRows()
        let sensors = ["network_traffic.flow", "zeek.connection"]
        for record in [try alert(7, key: 1, status: .open, sensors: sensors),
                       try alert(3, key: nil, status: .open, sensors: []),
                       try alert(5, key: 1, status: .acknowledged, sensors: sensors),
                       try alert(9, key: 2, status: .closed, sensors: ["panw.panos@PA-3220"]),
                       try alert(8, key: 1, status: .open, sensors: sensors)] {
            rows.add(record)
        }
        #expect(rows.groups.map(\.idText) == ["5+2", "3", "9"])
        #expect(rows.groups.map(\.seenBy) == ["network_traffic.flow, zeek.connection", "-", "panw.panos@PA-3220"])
        #expect(rows.groups.map(\.statusText) == ["open 2, acknowledged 1", "open", "closed"])
    }

    @Test func tableCellsAreEscapedAndColumnsPaddedToTheirWidest() {
        var table = TextTable([("HOST", .left), ("BYTES", .right)])
        table.append(["ws\u{1B}[31m", "5"])
        table.append(["a", "1200"])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(!lines.joined().contains("\u{1B}"))
        #expect(lines[2].hasSuffix(" 1200"))
        #expect(Set(lines.map(\.count)).count == 1, "\(lines)")
    }

    @Test func aLongCellIsCutSoItWidensNoOtherRowButTheLastColumnIsWhole() {
        var table = TextTable([("SENSOR", .left), ("NOTE", .left)])
        table.append([String(repeating: "s", count: 5000), "short"])
        table.append(["zeek", String(repeating: "n", count: 300)])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix(String(repeating: "s", count: TextTable.cellWidth - 1) + "… "), "\(lines[1].prefix(80))")
        #expect(lines[1].count == TextTable.cellWidth + 2 + "short".count)
        #expect(lines[2].hasSuffix(String(repeating: "n", count: 300)))
    }
}
