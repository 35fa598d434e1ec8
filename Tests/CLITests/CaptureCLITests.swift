import Foundation
import Testing

/// `smbtriage ingest capture.pcap` end to end: the flow reaches the store, `hosts` and `history`.
@Suite struct CaptureCLITests {
    let cli: CLIHarness

    init() throws { cli = try CLIHarness() }

    /// A real capture from the IngestTests fixtures (suricata-verify `smb1-01`, MIT).
    static let capture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("IngestTests/Formats/Fixtures/captures/suricata-verify/smb1-01_smb1.pcap").path

    @Test func aCaptureIsIngestedAndItsFlowShownWithItsBytes() throws {
        let ingest = try cli.run(["ingest", Self.capture])
        #expect(ingest.status == 0, "\(ingest.errors)")
        #expect(ingest.output.contains("smb1-01_smb1.pcap [pcap]: 36 packets, 1 network event, 1 SMB record (1 new record, 1 new connection"))
        #expect(ingest.output.contains("0 alerted"))
        let hosts = try cli.run(["hosts", "--json"]).jsonLines
        #expect(hosts.map { $0["source.ip"] as? String } == ["192.168.1.78"])
        let history = try cli.run(["history", "192.168.1.78", "--json"]).jsonLines
        #expect(history.count == 1)
        #expect(history.first?["destination.ip"] as? String == "192.168.1.53")
        #expect(history.first?["destination.port"] as? Int == 445)
        #expect(history.first?["source.bytes"] as? Int == 3_985)
        #expect(history.first?["destination.bytes"] as? Int == 29_592)
        #expect(history.first?["event.dataset"] as? String == "network_traffic.flow")
        let again = try cli.run(["ingest", Self.capture])
        #expect(again.output.contains("(0 new records, 0 new connections, 0 updates of a stored flow, 1 already stored)"))
    }
}
