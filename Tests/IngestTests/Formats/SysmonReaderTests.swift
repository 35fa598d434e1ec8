import Detection
import Foundation
import Testing
@testable import Ingest

@Suite struct SysmonReaderTests {
    @Test func readsWinlogbeat7ECSOutput() throws {
        let outcomes = readAll(SysmonReader.self, try fixture("sysmon-winlogbeat7.ndjson"))
        let event = try #require(outcomes[0].event)
        #expect(event.dataset == "windows.sysmon_operational")
        #expect(event.module == "sysmon")
        #expect(event.code == "3")
        #expect(event.action == "Network connection")
        #expect(event.categories == ["network"])
        #expect(event.types == ["start", "connection", "protocol"])
        #expect(event.sourceIPs == [ip("172.18.39.5")])
        #expect(event.sourcePort == 62782)
        #expect(event.sourceDomain == "WORKSTATION5.theshire.local")
        #expect(event.destinationIPs == [ip("52.239.1.10")])
        #expect(event.destinationPort == 445)
        #expect(event.transport == "tcp")
        #expect(event.direction == "egress")
        #expect(event.applicationProtocol == "microsoft-ds")
        #expect(event.processExecutable == "C:\\Windows\\System32\\svchost.exe")
        #expect(event.processID == 1234)
        #expect(event.userName == "alice")
        #expect(event.userDomain == "THESHIRE")
        #expect(event.observerHostName == "WORKSTATION5.theshire.local")
        #expect(event.timestamp == epoch(1_600_800_811.668))
        #expect(event.sourceBytes == nil)
        #expect(outcomes[1].skip == "windows event 1")
    }

    @Test func readsWinlogbeat8RawEventDataDroppingPlaceholders() throws {
        let outcomes = readAll(SysmonReader.self, try fixture("sysmon-winlogbeat8.ndjson"))
        let event = try #require(outcomes[0].event)
        #expect(event.sourceIPs == [ip("::1")])
        #expect(event.destinationIPs == [ip("::1")])
        #expect(event.sourcePort == 445)
        #expect(event.destinationPort == 51234)
        #expect(event.direction == "ingress")
        #expect(event.sourceDomain == nil)
        #expect(event.applicationProtocol == "microsoft-ds")
        #expect(event.processExecutable == "<unknown process>")
        #expect(event.processID == 4)
        #expect(event.userName == nil)
        #expect(event.userDomain == nil)
        #expect(event.observerHostName == "DC01.corp.local")
        let timestamp = try #require(event.timestamp)
        #expect(abs(timestamp.timeIntervalSince1970 - 1_614_592_800.123) < 1e-6)
        #expect(outcomes[1].skip == "windows event 3 outside the Sysmon channel")
    }

    @Test func readsFlatNXLogJSONWithStringValues() throws {
        let outcomes = readAll(SysmonReader.self, try fixture("sysmon-nxlog.ndjson"))
        let event = try #require(outcomes[0].event)
        #expect(event.sourceIPs == [ip("172.18.39.5")])
        #expect(event.destinationIPs == [ip("172.18.39.6")])
        #expect(event.destinationPort == 445)
        #expect(event.direction == "ingress")
        #expect(event.processExecutable == "System")
        #expect(event.userDomain == "NT AUTHORITY")
        #expect(event.userName == "SYSTEM")
        #expect(event.applicationProtocol == nil)
        #expect(event.observerHostName == "WORKSTATION6.theshire.local")
        let timestamp = try #require(event.timestamp)
        #expect(abs(timestamp.timeIntervalSince1970 - 1_600_800_809.807) < 1e-6)
        #expect(outcomes[1].skip == "windows event 5156")
    }

    @Test func recognizesWindowsEventsOnly() throws {
        for name in ["sysmon-winlogbeat7.ndjson", "sysmon-winlogbeat8.ndjson", "sysmon-nxlog.ndjson"] {
            #expect(SysmonReader.recognizes(try sample(name)), "\(name)")
        }
        #expect(!SysmonReader.recognizes(try sample("suricata-eve.json")))
        #expect(!SysmonReader.recognizes(try sample("zeek-json-otrf.ndjson")))
    }

    @Test func splitsUsers() {
        #expect(SysmonReader.split(user: "CORP\\bob") == ("CORP", "bob"))
        #expect(SysmonReader.split(user: "bob") == (nil, "bob"))
    }

    @Test(arguments: [
        (#""just a string""#, "windows event JSON: invalid JSON at byte 1: expected a JSON object"),
        (#"{"EventID":3,"SourceIp":"172.18.39.500","DestinationIp":"10.0.0.1"}"#,
         "sysmon SourceIp \"172.18.39.500\" is not an IP address"),
        (#"{"EventID":3,"SourceIp":"10.0.0.2"}"#, "sysmon event 3 has no DestinationIp"),
        (#"{"EventID":3,"SourceIp":"10.0.0.2","DestinationIp":"10.0.0.1","DestinationPort":"smb"}"#,
         "sysmon DestinationPort \"smb\" is not a port"),
        (#"{"EventID":3,"SourceIp":"10.0.0.2","DestinationIp":"10.0.0.1","UtcTime":"22/09/2020"}"#,
         "sysmon UtcTime \"22/09/2020\" is not a time"),
        (#"{"Channel":"Microsoft-Windows-Sysmon/Operational"}"#, "windows event has no event id (winlog.event_id or EventID)"),
    ])
    func rejectsMalformedEventsWithTheReason(line: String, reason: String) {
        #expect(readAll(SysmonReader.self, line).first?.rejection == reason)
    }
}
