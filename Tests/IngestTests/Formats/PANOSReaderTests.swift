import Detection
import Foundation
import Testing
@testable import Ingest

@Suite struct PANOSReaderTests {
    static let newYork = ReaderOptions(timeZone: TimeZone(identifier: "America/New_York")!)

    @Test func readsTrafficWithSyslogPrefixQuotedFieldsAndBraceLists() throws {
        let outcomes = readAll(PANOSReader.self, try fixture("panos-traffic.csv"))
        let event = try #require(outcomes[0].event)
        #expect(event.dataset == "panw.panos")
        #expect(event.module == "panw")
        #expect(event.categories == ["network"])
        #expect(event.sourceIPs == [ip("10.1.1.5")])
        #expect(event.destinationIPs == [ip("52.1.2.3")])
        #expect(event.sourcePort == 50123)
        #expect(event.destinationPort == 445)
        #expect(event.transport == "tcp")
        #expect(event.applicationProtocol == "ms-ds-smbv3")
        #expect(event.flowID == "33760")
        #expect(event.connectionState == "allow")
        #expect(event.outcome == "success")
        #expect(event.action == "flow_terminated")
        #expect(event.types == ["allowed", "end", "connection"])
        #expect(event.sourceBytes == 2000)
        #expect(event.destinationBytes == 3000)
        #expect(event.sourcePackets == 22)
        #expect(event.destinationPackets == 18)
        #expect(event.durationNanoseconds == 94_000_000_000)
        #expect(event.userDomain == "corp")
        #expect(event.userName == "alice")
        #expect(event.observerHostName == "PA-220")
        #expect(event.timestamp == epoch(1_704_459_093))
        #expect(event.start == epoch(1_704_459_000))
        #expect(event.end == epoch(1_704_459_094))
    }

    @Test func readsShortOldRowsAndNormalizesSpacedActions() throws {
        let outcomes = readAll(PANOSReader.self, try fixture("panos-traffic.csv"))
        let dropped = try #require(outcomes[1].event)
        #expect(dropped.sourceIPs == [ip("192.168.7.7")])
        #expect(dropped.connectionState == "reset-both")
        #expect(dropped.outcome == "failure")
        #expect(dropped.action == "flow_dropped")
        #expect(dropped.types == ["denied", "denied", "connection"])
        #expect(dropped.userName == "bob")
        #expect(dropped.userDomain == "corp.example")
        #expect(dropped.observerHostName == nil)
        #expect(outcomes[2].event?.categories == ["intrusion_detection", "threat", "network"])
        let denied = try #require(outcomes[3].event)
        #expect(denied.destinationPort == 139)
        #expect(denied.applicationProtocol == "netbios-ss")
        #expect(denied.userName == nil)
        #expect(denied.action == "flow_denied")
    }

    @Test func readsFirewallLocalTimesInTheConfiguredZone() throws {
        let event = try #require(readAll(PANOSReader.self, try fixture("panos-traffic.csv"), options: Self.newYork)[0].event)
        #expect(event.timestamp == epoch(1_704_477_093))
    }

    @Test func recognizesPANOSRowsOnly() throws {
        #expect(PANOSReader.recognizes(try sample("panos-traffic.csv")))
        #expect(!PANOSReader.recognizes(try sample("suricata-eve.json")))
        #expect(!PANOSReader.recognizes(try sample("zeek-conn.log")))
    }

    @Test func splitsUsers() {
        #expect(PANOSReader.split(user: "corp\\alice") == ("corp", "alice"))
        #expect(PANOSReader.split(user: "alice@corp") == ("corp", "alice"))
        #expect(PANOSReader.split(user: "alice") == (nil, "alice"))
    }

    static func trafficRow(_ changes: [Int: String], count: Int = 47) -> String {
        var fields = Array(repeating: "", count: count)
        let base = [1: "1", 2: "2024/01/05 12:51:34", 4: "TRAFFIC", 5: "end", 8: "10.0.0.1", 9: "1.2.3.4", 25: "1", 26: "445", 30: "tcp", 31: "allow"]
        for (number, value) in base.merging(changes, uniquingKeysWith: { $1 }) where number <= count {
            fields[number - 1] = value
        }
        return fields.joined(separator: ",")
    }

    @Test(arguments: [
        (trafficRow([:], count: 45), "panos TRAFFIC row has 45 fields; at least 46 expected"),
        (trafficRow([8: "10.0.0.256"]), "panos source address \"10.0.0.256\" is not an IP address"),
        (trafficRow([9: ""]), "panos TRAFFIC row has no destination address"),
        (trafficRow([26: "http"]), "panos destination port \"http\" is not a port"),
        (trafficRow([33: "-5"]), "panos bytes sent \"-5\" is not a count"),
        (trafficRow([7: "2024/13/05 12:51:34"]), "panos generated time \"2024/13/05 12:51:34\" is not a time"),
        ("hello, world", "panos line has no CSV payload (no receive time after field 1)"),
    ])
    func rejectsMalformedRowsWithTheReason(line: String, reason: String) {
        #expect(readAll(PANOSReader.self, line).first?.rejection == reason)
    }

    @Test func splitsOnEveryCommaWhenBracesDoNotBalance() throws {
        let row = try #require(PANOSRow(Substring("1,2024/01/05 12:51:34,{a, b,\"x, y\",z")))
        #expect(row.fields == ["1", "2024/01/05 12:51:34", "{a", " b", "x, y", "z"])
        let balanced = try #require(PANOSRow(Substring("1,2024/01/05 12:51:34,{a, b},\"say \"\"hi\"\"\",z")))
        #expect(balanced.fields == ["1", "2024/01/05 12:51:34", "{a, b}", "say \"hi\"", "z"])
    }
}
