import BundledRules
import Detection
import Foundation
@testable import Ingest
import Testing

/// The records of `Fixtures/vendor-layouts`, written to the vendors' documented layouts (sources in
/// its README): the counts the README states, counted by hand, and each format's mapping.
@Suite struct VendorLayoutTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        var path: String
        var records: Int
        var networkEvents: Int
        var smb: Int
        var alerts: Int

        var testDescription: String { path }
    }

    static let expectations = [
        Expectation(path: "vendor-layouts/panos-6.0-traffic.csv", records: 4, networkEvents: 4, smb: 3, alerts: 1),
        Expectation(path: "vendor-layouts/panos-threat.csv", records: 3, networkEvents: 3, smb: 1, alerts: 1),
        Expectation(path: "vendor-layouts/suricata-eve-alerts.json", records: 8, networkEvents: 7, smb: 4, alerts: 4),
    ]

    static let rule = try! CompiledRule(DetectionRule.bundled())

    @Test(arguments: expectations)
    func readsTheCountsTheReadmeStates(_ expectation: Expectation) throws {
        let data = try fixture(expectation.path)
        let sample = try sample(expectation.path)
        let outcomes: [LineOutcome]
        if expectation.path.hasSuffix(".csv") {
            #expect(PANOSReader.recognizes(sample))
            outcomes = readAll(PANOSReader.self, data)
        } else {
            #expect(SuricataReader.recognizes(sample))
            outcomes = readAll(SuricataReader.self, data)
        }
        #expect(outcomes.compactMap(\.rejection).isEmpty)
        #expect(outcomes.count == expectation.records)
        let events = outcomes.events
        #expect(events.count == expectation.networkEvents)
        #expect(events.filter(\.isSMB).count == expectation.smb)
        #expect(events.filter(Self.rule.matches).count == expectation.alerts)
    }

    @Test func readsPANOS60TrafficRowsWithoutSessionEndReason() throws {
        let outcomes = readAll(PANOSReader.self, try fixture("vendor-layouts/panos-6.0-traffic.csv"))
        let event = try #require(outcomes[0].event)
        #expect(event.sourceIPs == [ip("10.20.30.40")])
        #expect(event.destinationIPs == [ip("52.85.10.20")])
        #expect(event.destinationPort == 445)
        #expect(event.sourceBytes == 3180)
        #expect(event.destinationBytes == 5574)
        #expect(event.sourcePackets == 12)
        #expect(event.destinationPackets == 12)
        #expect(event.durationNanoseconds == 21_000_000_000)
        #expect(event.ruleName == "outbound-any")
        #expect(event.observerHostName == nil)
        #expect(outcomes[1].event?.action == "flow_denied")
    }

    @Test func mapsPANOSThreatRowsAsThePanwPipelineDoes() throws {
        let outcomes = readAll(PANOSReader.self, try fixture("vendor-layouts/panos-threat.csv"))
        let exploit = try #require(outcomes[0].event)
        #expect(exploit.dataset == "panw.panos")
        #expect(exploit.categories == ["intrusion_detection", "threat", "network"])
        #expect(exploit.action == "exploit_detected")
        #expect(exploit.connectionState == "reset-both")
        #expect(exploit.outcome == "failure")
        #expect(exploit.types == ["denied"])
        #expect(exploit.transport == "tcp")
        #expect(exploit.sourceIPs == [ip("10.5.6.7")])
        #expect(exploit.sourcePort == 50712)
        #expect(exploit.destinationIPs == [ip("185.199.110.9")])
        #expect(exploit.destinationPort == 445)
        #expect(exploit.threatName == "Microsoft Windows SMBv1 Multiple Vulnerabilities")
        #expect(exploit.severity == 1)
        #expect(exploit.ruleName == "allow-out")
        #expect(exploit.direction == "inbound")
        #expect(exploit.observerHostName == "PA-3220")
        #expect(exploit.flowID == "771234")
        #expect(exploit.sourceBytes == nil)
        let spyware = try #require(outcomes[1].event)
        #expect(spyware.action == "spyware_detected")
        #expect(spyware.outcome == "success")
        #expect(spyware.types == ["allowed"])
        #expect(spyware.severity == 2)
        let url = try #require(outcomes[2].event)
        #expect(url.threatName == "URL-filtering")
        #expect(url.severity == 5)
        #expect(url.action == "url_filtering")
    }

    @Test func keepsTheSuricataAlertSignatureAndReadsEveryEventWithAddresses() throws {
        let outcomes = readAll(SuricataReader.self, try fixture("vendor-layouts/suricata-eve-alerts.json"))
        let alert = try #require(outcomes[0].event)
        #expect(alert.categories == ["network", "intrusion_detection"])
        #expect(alert.types == ["allowed"])
        #expect(alert.ruleName == "ET POLICY SMB2 NT Create AndX Request For an Executable File")
        #expect(alert.ruleCategory == "Potential Corporate Privacy Violation")
        #expect(alert.severity == 1)
        #expect(alert.applicationProtocol == "smb")
        #expect(alert.sourceBytes == 1502)
        #expect(alert.start != nil)
        let fileinfo = try #require(outcomes[1].event)
        #expect(fileinfo.categories == ["network"])
        #expect(fileinfo.types.isEmpty)
        #expect(fileinfo.ruleName == nil)
        #expect(outcomes[2].event?.applicationProtocol == "smb")
        let flow = try #require(outcomes[3].event)
        #expect(flow.types == ["connection", "end"])
        #expect(flow.flowID == alert.flowID)
        let dcerpc = try #require(outcomes[4].event)
        #expect(dcerpc.destinationPort == 135)
        #expect(dcerpc.types.isEmpty)
        let http = try #require(outcomes[5].event)
        #expect(http.categories == ["network", "web"])
        #expect(http.types == ["access", "protocol"])
        #expect(http.applicationProtocol == "http")
        #expect(outcomes[6].event?.applicationProtocol == "tls")
        #expect(outcomes[7].skip == "suricata stats event")
    }
}
