import BundledRules
@testable import Detection
import Foundation
import Testing

/// The bundled rule, clause by clause, as RULE.md specifies it.
@Suite struct BundledRuleTests {
    private let rule = EventFixtures.bundledRule
    private typealias F = EventFixtures

    @Test func loadsTheBundledRuleVersion103() throws {
        let bundled = try DetectionRule.bundled()
        #expect(bundled.ruleID == "c82b2bd8-d701-420c-ba43-f11a155b681a")
        #expect(bundled.version == 103 && bundled.riskScore == 73 && bundled.maxSignals == 100)
    }

    @Test func everyExcludedBlockEdgeAndItsNeighbours() {
        for block in ReferenceRule.excludedBlocks {
            let probes = [block.network, block.last, block.network.predecessor, block.last.successor].compactMap { $0 }
            for destination in probes {
                let excluded = ReferenceRule.isExcludedDestination(destination)
                var event = F.smbFlow()
                event.destinationIPs = [destination]
                #expect(rule.matches(event) == !excluded, "destination \(destination) (block \(block))")
                #expect(rule.isExcludedDestination(destination) == excluded, "\(destination)")
            }
        }
    }

    @Test(arguments: ["0.0.0.4", "0.0.0.0", "8.8.8.8", "172.32.0.1", "100.63.255.255", "100.128.0.0",
                      "11.0.0.0", "2001:db8::1"])
    func alertsOnDestinationsOutsideTheExclusions(destination: String) {
        #expect(rule.matches(F.smbFlow(destination: destination)))
    }

    @Test(arguments: ["100.64.0.0", "172.31.255.255", "192.0.0.9", "255.255.255.255", "::1", "fe80::1", "ff02::1"])
    func doesNotAlertOnExcludedDestinations(destination: String) {
        #expect(!rule.matches(F.smbFlow(destination: destination)))
    }

    @Test(arguments: [("10.0.0.0", true), ("10.255.255.255", true), ("172.16.0.0", true), ("172.31.255.255", true),
                      ("192.168.0.1", true), ("9.255.255.255", false), ("172.32.0.1", false), ("100.64.0.1", false),
                      ("8.8.4.4", false), ("fd00::1", false), ("::ffff:10.0.0.1", true)])
    func onlyRFC1918SourcesQualify(source: String, qualifies: Bool) {
        #expect(rule.matches(F.smbFlow(source: source)) == qualifies)
        #expect(rule.isQualifyingSource(F.address(source)) == qualifies)
    }

    @Test func keywordsAreExactAndCaseSensitive() {
        #expect(!rule.matches(F.smbFlow(transport: "TCP")))
        #expect(!rule.matches(F.smbFlow(transport: "udp")))
        #expect(!rule.matches(F.smbFlow(transport: nil)))
        #expect(!rule.matches(F.smbFlow(dataset: "network_traffic.FLOW", categories: [])))
        #expect(!rule.matches(F.smbFlow(dataset: nil, categories: ["Network"])))
    }

    @Test func datasetOrCategoryQualifies() {
        #expect(rule.matches(F.smbFlow(dataset: "network_traffic.flow", categories: [])))
        #expect(rule.matches(F.smbFlow(dataset: nil, categories: ["network_traffic"])))
        #expect(rule.matches(F.smbFlow(dataset: "zeek.connection", categories: ["network"])))
        #expect(!rule.matches(F.smbFlow(dataset: "zeek.connection", categories: ["file"])))
    }

    @Test func arraysMatchWhenAnyElementDoes() {
        var event = F.smbFlow(dataset: nil, categories: ["host", "network"])
        #expect(rule.matches(event))
        event.sourceIPs = [F.address("8.8.8.8"), F.address("192.168.1.1")]
        #expect(rule.matches(event))
        event.sourceIPs = [F.address("8.8.8.8"), F.address("fd00::1")]
        #expect(!rule.matches(event))
        event.sourceIPs = [F.address("10.0.0.1")]
        event.destinationIPs = [F.address("8.8.8.8"), F.address("10.0.0.2")]
        #expect(!rule.matches(event), "any excluded destination element makes the not-clause false")
    }

    @Test func ipv6SourcesNeverMatch() {
        for source in ["fd00::1", "fe80::1", "::1", "2001:db8::1", "::a00:1"] {
            #expect(!rule.matches(F.smbFlow(source: source)), "\(source)")
        }
    }

    @Test func missingDestinationPassesTheNotClause() {
        #expect(rule.matches(F.smbFlow(destination: nil)))
    }

    @Test func portsAndTheInertZeekDatasetClause() {
        #expect(rule.matches(F.smbFlow(port: 139)))
        #expect(!rule.matches(F.smbFlow(port: 80)))
        #expect(!rule.matches(F.smbFlow(port: nil)))
        #expect(rule.matches(F.smbFlow(port: 80, dataset: "zeek.smb")))
        #expect(!rule.matches(F.smbFlow(port: 80, dataset: "zeek.smb_files")))
    }

    @Test func portValueMatchesWhetherWrittenAsNumberOrString() throws {
        for query in ["destination.port: 445", #"destination.port: "445""#] {
            let predicate = PredicateProgram(try KQLCompiler.predicate(forQuery: query))
            #expect(predicate.matches(F.smbFlow(port: 445)), "\(query)")
            #expect(!predicate.matches(F.smbFlow(port: 4450)), "\(query)")
        }
    }
}
