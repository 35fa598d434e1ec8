import Foundation
import Testing

/// One PAN-OS session logged as a TRAFFIC and a THREAT row is one connection: two alerts (one per
/// document, as in Elastic), one row in `alerts`, and an action on it applies to both.
@Suite struct ConnectionCLITests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    /// The vendor-layout THREAT rows (PAN-OS 10.2 layout; the first is session 771234, SMB).
    static let threats = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("IngestTests/Formats/Fixtures/vendor-layouts/panos-threat.csv").path

    /// Session 771234's TRAFFIC end row, written after the same firewall's TRAFFIC layout: the same
    /// 5-tuple and session id, started 14:03:09 and ran 2 s, so the THREAT row (generated
    /// 14:03:10) falls inside it. Its end reason is `threat`.
    static let traffic = "<14>Feb 20 14:03:12 PA-3220 1,2024/02/20 14:03:12,013201001234,TRAFFIC,end,2561,"
        + "2024/02/20 14:03:12,10.5.6.7,185.199.110.9,0.0.0.0,0.0.0.0,allow-out,corp\\erin,,ms-ds-smbv1,vsys1,trust,"
        + "untrust,ethernet1/2,ethernet1/1,default,2024/02/20 14:03:12,771234,1,50712,445,0,0,0x400019,tcp,allow,1500,"
        + "1200,300,12,2024/02/20 14:03:09,2,any,0,7339812399,0x8000000000000000,10.0.0.0-10.255.255.255,Germany,0,7,5,"
        + "threat,0,0,0,0,,PA-3220,from-policy,,,,,,,,,,\n"

    @Test func aSessionsTrafficAndThreatRowsAreOneConnection() throws {
        let traffic = try cli.write("traffic.csv", Self.traffic)
        let ingest = try cli.run(["ingest", "--format", "panos", traffic, Self.threats])
        #expect(ingest.status == 0, "\(ingest.errors)")
        let alerts = try cli.run(["alerts", "--json"]).jsonLines
        let smb = alerts.filter { $0["destination.port"] as? Int == 445 }
        #expect(smb.count == 2)

        let history = try cli.run(["history", "10.5.6.7", "--json"]).jsonLines
        #expect(history.count == 2)
        let hosts = try cli.run(["hosts", "--json"]).jsonLines
        let host = try #require(hosts.first { $0["source.ip"] as? String == "10.5.6.7" })
        #expect(host["source.bytes.external"] as? Int == 1_200)
        #expect(host["destinations.external"] as? Int == 1)

        let table = try cli.run(["alerts"]).output
        let rows = table.split(separator: "\n").filter { $0.contains("185.199.110.9:445") }
        #expect(rows.count == 1, "\(table)")
        // Both rows come from the same firewall: one sensor saw the connection.
        #expect(rows.first?.contains("panw.panos@PA-3220") == true, "\(table)")

        let ids = smb.compactMap { $0["smbtriage.alert.id"] as? Int }.sorted()
        #expect(rows.first?.contains("\(ids[0])+1") == true, "\(table)")
        let firstID = ids[0]
        let ack = try cli.run(["alerts", "ack", "\(firstID)"])
        #expect(ack.status == 0, "\(ack.errors)")
        #expect(ack.output.contains("alerts \(ids[0]), \(ids[1]) now acknowledged"), "\(ack.output)")
        let acknowledged = try cli.run(["alerts", "--json", "--status", "acknowledged"]).jsonLines
        #expect(acknowledged.count == 2)
    }

    /// `alerts ack ID` acts on the alert named whatever its status; the other alerts of its
    /// connection move only forward, and the output names the ones it left.
    @Test func ackAndReopenMoveTheConnectionsOtherAlertsOnlyForward() throws {
        let traffic = try cli.write("traffic.csv", Self.traffic)
        #expect(try cli.run(["ingest", "--format", "panos", traffic, Self.threats]).status == 0)
        let smb = try cli.run(["alerts", "--json"]).jsonLines.filter { $0["destination.port"] as? Int == 445 }
        let ids = smb.compactMap { $0["smbtriage.alert.id"] as? Int }.sorted()
        try #require(ids.count == 2)
        func statuses() throws -> [String] {
            let alerts = try cli.run(["alerts", "--json"]).jsonLines
            return ids.map { id in alerts.first { $0["smbtriage.alert.id"] as? Int == id }?["kibana.alert.workflow_status"] as? String ?? "?" }
        }
        #expect(try cli.run(["alerts", "close", "\(ids[0])", "--reason", "benign"]).output.contains("alerts \(ids[0]), \(ids[1]) now closed"))

        let ack = try cli.run(["alerts", "ack", "\(ids[0])"])
        #expect(ack.status == 0, "\(ack.errors)")
        #expect(try statuses() == ["acknowledged", "closed"], "the closed alert that only shares the connection stays closed")
        #expect(ack.output.contains("alert \(ids[0]) now acknowledged"), "\(ack.output)")
        #expect(ack.output.contains("alert \(ids[1]) left closed: shares the connection of alert \(ids[0]) (name it to acknowledge it)"),
                "\(ack.output)")

        #expect(try cli.run(["alerts", "ack", "\(ids[1])"]).status == 0)
        #expect(try statuses() == ["acknowledged", "acknowledged"], "the alert named is acknowledged though closed")
        let reopen = try cli.run(["alerts", "reopen", "\(ids[0])"])
        #expect(try statuses() == ["open", "acknowledged"], "the acknowledged alert that only shares the connection stays acknowledged")
        #expect(reopen.output.contains("alert \(ids[1]) left acknowledged"), "\(reopen.output)")
    }
}
