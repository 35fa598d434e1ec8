import Foundation
import Testing

/// The demo data's story (demo-data/README.md) read through connections: expected figures come
/// from the story, not from running the code.
@Suite struct DemoConnectionsCLITests {
    let cli: CLIHarness
    init() throws { cli = try CLIHarness() }

    private static let demoData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("demo-data").path

    /// FIN-WS-047 mounts the share (one short connection) and then copies 360 MB (10^6 bytes) out in
    /// four flows, each seen by Packetbeat, Zeek, the firewall and its own Sysmon: five
    /// connections, 360 MB and a little more (the mount's few kB and the header bytes Packetbeat
    /// counts, at most 4% on full segments), not four times as much. ENG-WS-113 sends SYNs to 150
    /// addresses and nobody answers. The exfiltrating host ranks first, the spraying one second.
    @Test func theStorysFiguresAndRanking() throws {
        #expect(try cli.run(["ingest", Self.demoData]).status == 0)
        let hosts = try cli.run(["hosts", "--json"]).jsonLines
        #expect(hosts.prefix(2).map { $0["source.ip"] as? String } == ["10.20.3.47", "10.20.8.113"])

        let exfiltration = try #require(hosts.first)
        let bytesOut = try #require(exfiltration["source.bytes.external"] as? Int)
        #expect(bytesOut >= 360_000_000 && bytesOut <= 375_000_000, "\(bytesOut)")
        #expect(exfiltration["destinations.external"] as? Int == 1)
        #expect((exfiltration["ranking.reason"] as? String)?.hasSuffix("MiB to 1 new destination; 20 open alerts") == true,
                "\(exfiltration)")

        let spray = hosts[1]
        #expect(spray["destinations.external"] as? Int == 150)
        #expect(spray["destinations.unanswered"] as? Int == 150)
        #expect((spray["ranking.reason"] as? String)?.hasPrefix("SYN to 150 destinations, 0 replies") == true, "\(spray)")

        let table = try cli.run(["alerts", "--host", "FIN-WS-047"]).output
        let rows = table.split(separator: "\n").filter { $0.contains("45.146.164.110:445") }
        #expect(rows.count == 5, "\(table)")
        #expect(rows.allSatisfy { row in
            // Packetbeat 7 (dataset `flow`) on pb-hq-core01, Zeek, the firewall, the host's Sysmon.
            ["flow@pb-hq-core01", "zeek.connection", "panw.panos@PA-3220", "windows.sysmon_operational@FIN-WS-047"]
                .allSatisfy { row.contains($0) }
        }, "\(table)")
        #expect(!table.contains("RISK"), "every alert has risk 73: the column says nothing")
    }
}
