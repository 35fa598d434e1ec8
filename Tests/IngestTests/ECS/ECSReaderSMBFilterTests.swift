import Detection
import Testing
@testable import Ingest

/// `readKeepingSMB` is `read` with non-SMB events dropped: same events, same rejections.
@Suite struct ECSReaderSMBFilterTests {
    static let lines = [
        ECSFixtures.packetbeat8, ECSFixtures.packetbeat7Intermediate, ECSFixtures.agentFlow,
        ECSFixtures.dottedExport, ECSFixtures.searchHit, ECSFixtures.categoryString, ECSFixtures.tunnel,
        ECSFixtures.endpoint,
        // Not SMB: DNS over UDP, HTTPS, SMB ports over UDP.
        #"{"event":{"dataset":"flow"},"source":{"ip":"10.0.0.1","port":53000},"destination":{"ip":"10.0.0.53","port":53},"network":{"transport":"udp"}}"#,
        #"{"source":{"ip":"10.0.0.1","port":50000},"destination":{"ip":"52.0.0.1","port":443},"network":{"transport":"tcp"},"flow":{"id":"x"}}"#,
        #"{"source":{"ip":"10.0.0.1","port":445},"destination":{"ip":"52.0.0.1","port":445},"network":{"transport":"udp"}}"#,
        // SMB by protocol or dataset rather than port.
        #"{"source":{"ip":"10.0.0.1"},"destination":{"ip":"52.0.0.1","port":8445},"network":{"protocol":"SMB2"}}"#,
        #"{"event":{"dataset":"zeek.smb_files"},"source":{"ip":"10.0.0.1"},"destination":{"ip":"52.0.0.1"}}"#,
        #"{"source":{"ip":"10.0.0.1"},"destination":{"ip":"52.0.0.1","port":8445},"network":{"protocol":"nbsMb"}}"#,
        // SMB by port only when the transport is `tcp` as decoded, to the byte.
        #"{"source":{"ip":"10.0.0.1"},"destination":{"ip":"52.0.0.1","port":445},"network":{"transport":"t\u0063p"}}"#,
        #"{"source":{"ip":"10.0.0.1"},"destination":{"ip":"52.0.0.1","port":445},"network":{"transport":"TCP"}}"#,
        #"{"source":{"ip":"10.0.0.1","port":139},"destination":{"ip":"52.0.0.1"},"network":{"transport":"tcp "}}"#,
        #"{"_source":{"source":{"ip":"10.0.0.1"},"destination":{"ip":"52.0.0.1"},"event":{"dataset":"zeek.smb_mapping"}}}"#,
        // Rejected whether SMB or not: a bad address, a bad port, a bad counter, a bad timestamp.
        #"{"source":{"ip":"10.0.0.300","port":1},"destination":{"ip":"52.0.0.1","port":443},"network":{"transport":"tcp"}}"#,
        #"{"source":{"ip":"10.0.0.1"},"destination":{"ip":["52.0.0.1","nope"],"port":53},"network":{"transport":"udp"}}"#,
        #"{"source":{"ip":"10.0.0.1","port":70000},"destination":{"ip":"52.0.0.1","port":443}}"#,
        #"{"source":{"ip":"10.0.0.1","bytes":-1},"destination":{"ip":"52.0.0.1","port":53}}"#,
        #"{"@timestamp":"yesterday","source":{"ip":"10.0.0.1"},"destination":{"ip":"52.0.0.1","port":53}}"#,
        #"{"source":{"ip":"10.0.0.300"},"destination":{"ip":"52.0.0.1","port":"x445"},"network":{"transport":"tcp"}}"#,
        // Skipped, structural, malformed.
        #"{"message":"hello"}"#, "   ", #"{"source":{"ip":"10.0.0.1"},"skip":[}"#,
    ]

    /// One reader over every line, each twice in a row, forwards and backwards (its parser reuses
    /// the keys of the line before): each outcome is what a new reader makes of the line.
    @Test func aReaderKeepsLineAfterLineWhatANewReaderKeeps() {
        var reader = ECSReader(options: ReaderOptions())
        for line in (Self.lines + Self.lines.reversed()).flatMap({ [$0, $0] }) {
            var fresh = ECSReader(options: ReaderOptions())
            let bytes = Array(line.utf8)
            let expected = bytes.withLineBytes { fresh.readKeepingSMB(line: $0, number: 1) }
            #expect(bytes.withLineBytes { reader.readKeepingSMB(line: $0, number: 1) } == expected, "\(line)")
        }
    }

    @Test(arguments: lines)
    func keepsWhatReadKeeps(line: String) {
        let full = ECSReader.outcome(of: line)
        var reader = ECSReader(options: ReaderOptions())
        let bytes = Array(line.utf8)
        let filtered = bytes.withLineBytes { reader.readKeepingSMB(line: $0, number: 1) }
        if let event = full.event, !event.isSMB {
            #expect(filtered == nil)
        } else {
            #expect(filtered == full)
        }
    }

    @Test(arguments: [("SMB2", true), ("ms-ds-SmBv3", true), ("xsmsmb", true), ("smtp", false), ("sm-b", false)])
    func smbByProtocolInAnyLetterCase(protocolName: String, isSMB: Bool) throws {
        let line = #"{"source":{"ip":"10.0.0.1"},"destination":{"ip":"52.0.0.1","port":8445},"network":{"protocol":"\#(protocolName)"}}"#
        let event = try #require(ECSReader.outcome(of: line).event)
        #expect(event.isSMB == isSMB)
    }

    @Test func nonSMBEventsAreDroppedAndSMBOnesKept() {
        let outcomes = Self.lines.map { ECSReader.outcome(of: $0) }
        #expect(outcomes.contains { $0.event.map { !$0.isSMB } == true })
        #expect(outcomes.contains { $0.event?.isSMB == true })
        #expect(outcomes.filter { $0.rejection != nil }.count == 7)
    }
}
