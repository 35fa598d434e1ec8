import Detection
import Foundation
import Testing
@testable import Ingest

/// `readKeepingSMB` is `read` followed by the pipeline's SMB filter, line by line: the same SMB
/// events, the same rejections with the same reasons, the same skips and structural lines, and
/// nil exactly where `read` gives an event that is not SMB.
@Suite struct ZeekReaderSMBFilterTests {
    /// How the two paths compared over one text.
    struct Comparison {
        var mismatches: [String] = []
        var kept = 0
        var dropped = 0
        var rejections: [String] = []
    }

    /// Reads `data` with two fresh readers, one per path, and compares them line by line.
    static func compare<Reader: LineReader>(_ readerType: Reader.Type, _ data: Data) -> Comparison {
        var full = Reader(options: ReaderOptions())
        var filtered = Reader(options: ReaderOptions())
        var comparison = Comparison()
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            let bytes = Array(line)
            let number = index + 1
            let expected = bytes.withLineBytes { full.read(line: $0, number: number) }
            let actual = bytes.withLineBytes { filtered.readKeepingSMB(line: $0, number: number) }
            if let event = expected.event, !event.isSMB {
                comparison.dropped += 1
                if actual != nil { comparison.mismatches.append("line \(number): kept a non-SMB event") }
                continue
            }
            if expected.event != nil { comparison.kept += 1 }
            if let reason = expected.rejection { comparison.rejections.append(reason) }
            if actual != expected {
                comparison.mismatches.append("line \(number): \(String(describing: actual)) != \(expected)")
            }
        }
        return comparison
    }

    static let connFields = ["ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto", "service",
                             "duration", "orig_pkts", "orig_ip_bytes", "resp_pkts", "resp_ip_bytes", "conn_state",
                             "local_orig", "local_resp", "community_id"]

    /// A conn.log row from its 17 columns, in `connFields` order.
    static func row(_ columns: String...) -> String { columns.joined(separator: "\t") }

    /// Rows of every kind each path must agree on: SMB by port, by service (escaped too) and by
    /// log; not SMB; each rejection reason; unset and empty markers; escapes; short rows.
    static let malformedAndEdgeRows = [
        "1.0\tC0\t10.0.0.1",  // a data row before any #fields header
        "#separator \\x09",
        "#set_separator\t,",
        "#empty_field\t(empty)",
        "#unset_field\t-",
        "#path\tconn",
        "#fields\t" + connFields.joined(separator: "\t"),
        row("1.0", "C1", "10.0.0.1", "49152", "52.0.0.1", "445", "tcp", "smb", "1.5", "1", "2", "3", "4", "SF", "T", "F", "1:a="),
        row("1.0", "C2", "10.0.0.1", "139", "52.0.0.1", "50000", "tcp", "-", "-", "-", "-", "-", "-", "S0", "-", "-", "-"),
        row("1.0", "C3", "10.0.0.1", "49152", "52.0.0.1", "445", "udp", "-", "0", "1", "2", "3", "4", "SF", "T", "F", "-"),
        row("1.0", "C4", "10.0.0.1", "49152", "52.0.0.1", "443", "tcp", "ssl", "0.2", "1", "2", "3", "4", "SF", "T", "F", "-"),
        row("1.0", "C5", "10.0.0.1", "49152", "52.0.0.1", "8445", "tcp", "gssapi,SMB", "0.2", "1", "2", "3", "4", "SF", "T", "F", "-"),
        row("1.0", "C6", "10.0.0.1", "49152", "52.0.0.1", "8445", "tcp", "\\x73mb", "0.2", "1", "2", "3", "4", "SF", "T", "F", "-"),
        row("1.0", "C7", "10.0.0.1", "49152", "52.0.0.1", "445", "t\\x63p", "(empty)", "0.2", "1", "2", "3", "4", "OTH", "F", "F", "-"),
        row("1.0", "C\\x09\\\\8", "10.0.0.1", "49152", "52.0.0.1", "53", "udp", "dns", "0.2", "1", "2", "3", "4", "SF", "T", "T", "(empty)"),
        row("1.0", "C9", "10.0.0.1", "49152", "52.0.0.1", "445", "(empty)", "(empty)", "(empty)", "1", "2", "3", "4", "(empty)", "(empty)", "-", "-"),
        row("1.0", "C10", "10.0.0.1", "49152", "52.0.0.1", "80", "tcp", "http-alt", "0.2", "1", "2", "3", "4", "XX", "T", "F", "-"),
        row("1.0", "C11", "10.0.0.1", "49152", "52.0.0.1", "80", "tcp", "a-very-long-service-name", "0.2", "1", "2", "3", "4", "SF", "T", "F", "-"),
        // Rejected, SMB or not.
        row("yesterday", "C12", "10.0.0.1", "49152", "52.0.0.1", "443", "tcp", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-"),
        row("-", "C13", "10.0.0.1", "49152", "52.0.0.1", "443", "tcp", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-"),
        row("(empty)", "C14", "10.0.0.1", "49152", "52.0.0.1", "445", "tcp", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-"),
        row("1.0", "C15", "10.0.0.300", "49152", "52.0.0.1", "443", "tcp", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-"),
        row("1.0", "C16", "10.0.0.1", "49152", "52.0.0.1", "70000", "tcp", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-"),
        row("1.0", "C17", "10.0.0.1", "x", "52.0.0.1", "445", "tcp", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-"),
        row("1.0", "C18", "10.0.0.1", "49152", "52.0.0.1", "53", "udp", "dns", "0.2", "-1", "2", "3", "4", "SF", "T", "F", "-"),
        row("1.0", "C19", "10.0.0.1", "49152", "52.0.0.1", "445", "tcp", "smb", "0.2", "1", "2", "3", "1e3", "SF", "T", "F", "-"),
        row("1.0", "C20", "10.0.0.1", "49152", "52.0.0.1", "53", "udp", "dns", "soon", "1", "2", "3", "4", "SF", "T", "F", "-"),
        row("1.0", "C21", "10.0.0.1", "49152", "52.0.0.1", "53", "udp", "dns", "0.2", "1", "2", "3", "4", "SF", "yes", "F", "-"),
        row("1.0", "C22", "nope", "49152", "52.0.0.1", "53", "udp", "dns", "0.2", "-5", "2", "3", "4", "SF", "T", "F", "-"),
        row("1.0", "C23", "10.0.0.1", "49152", "52.0.0.1", "445", "tcp", "smb"),
        row("1.0", "C24", "10.0.0.1", "49152", "52.0.0.1", "53", "udp"),
        row("1.0", "C25", "10.0.0.1\u{1B}[2J", "49152", "52.0.0.1", "53", "udp", "dns", "0.2", "1", "2", "3", "4", "SF", "T", "F", "-"),
        "",
        "#path\tdns",
        "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tquery",
        "1.0\tCdns\t10.0.0.1\tbad-port\t10.0.0.2\t53\texample.com",
        "#separator \\x09",
        "#path\tsmb_files",
        "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\taction\torig_pkts\tduration",
        "1.0\tCf1\t10.0.0.1\t49152\t52.0.0.1\t445\tSMB::FILE_RENAME\tnot-a-count\tnever",
        "1.0\tCf2\t10.0.0.1\t49152\t52.0.0.1\t99999\tSMB::FILE_OPEN\t-\t-",
        "-\tCf3\t10.0.0.1\t49152\t52.0.0.1\t445\tSMB::FILE_OPEN\t-\t-",
        "#separator \\x09",
        "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tshare_type",
        "1.0\tCm1\t10.0.0.1\t49152\t52.0.0.1\t8445\tDISK",
        "#separator \\x09",
        "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tmystery",
        "1.0\tCu1\t10.0.0.1\t49152\t52.0.0.1\t445\t?",
        "#separator ab",
    ]

    @Test(arguments: ["zeek-conn.log", "zeek-mixed.log"])
    func tsvFixturesReadTheSameOnBothPaths(name: String) throws {
        let comparison = Self.compare(ZeekTSVReader.self, try fixture(name))
        #expect(comparison.mismatches == [])
        #expect(comparison.kept > 0)
    }

    @Test func tsvEdgeRowsReadTheSameOnBothPaths() {
        let text = Self.malformedAndEdgeRows.joined(separator: "\n") + "\n"
        let comparison = Self.compare(ZeekTSVReader.self, Data(text.utf8))
        #expect(comparison.mismatches == [])
        // SMB by port (C1, C2), by service (C5, C6), by escaped proto (C7), by log (Cf1, Cm1);
        // C3, C4, C8, C9, C10 and C11 are dropped.
        #expect(comparison.kept == 7)
        #expect(comparison.dropped == 6)
        let expectedReasons = [
            "zeek data row before any #fields header",
            "zeek ts \"yesterday\" is not a time",
            "zeek row has no ts value",
            "zeek row has no ts value",
            "zeek id.orig_h \"10.0.0.300\" is not an IP address",
            "zeek id.resp_p \"70000\" is not a port",
            "zeek id.orig_p \"x\" is not a port",
            "zeek orig_pkts \"-1\" is not a count",
            "zeek resp_ip_bytes \"1e3\" is not a count",
            "zeek duration \"soon\" is not a duration",
            "zeek local_orig \"yes\" is not a boolean",
            "zeek id.orig_h \"nope\" is not an IP address",
            "zeek row has 8 columns; #fields declares 17",
            "zeek row has 7 columns; #fields declares 17",
            "zeek id.orig_h \"10.0.0.1\\u{1b}[2J\" is not an IP address",
            "zeek id.resp_p \"99999\" is not a port",
            "zeek row has no ts value",
        ]
        #expect(Array(comparison.rejections.prefix(expectedReasons.count)) == expectedReasons)
        #expect(comparison.rejections.count == expectedReasons.count + 1)
        #expect(comparison.rejections.last?.contains("is not a single byte") == true)
    }

    /// JSON records of every kind: SMB by port, service or log; not SMB; each rejection reason;
    /// unset (empty string, missing) values; escapes; lines that are no record.
    static let jsonLines = [
        #"{"_path":"conn","ts":1.5,"uid":"C1","id.orig_h":"10.0.0.1","id.orig_p":49152,"id.resp_h":"52.0.0.1","id.resp_p":445,"proto":"tcp","local_orig":true,"local_resp":false}"#,
        #"{"_path":"conn","ts":"2024-01-05T12:00:00.5Z","uid":"C2","id.orig_h":"10.0.0.1","id.orig_p":53,"id.resp_h":"52.0.0.1","id.resp_p":53,"proto":"udp","service":"dns","duration":0.2}"#,
        #"{"@stream":"conn","ts":1.5,"uid":"C3","id_orig_h":"10.0.0.1","id_orig_p":49152,"id_resp_h":"52.0.0.1","id_resp_p":8445,"proto":"tcp","service":"smb"}"#,
        #"{"_path":"conn","ts":1.5,"uid":"C4","id.orig_h":"10.0.0.1","id.orig_p":49152,"id.resp_h":"52.0.0.1","id.resp_p":445,"proto":"","service":"","orig_pkts":3}"#,
        #"{"ts":1.5,"uid":"C5","id":{"orig_h":"10.0.0.1","orig_p":139,"resp_h":"52.0.0.1","resp_p":50000},"proto":"tcp","conn_state":"SF"}"#,
        #"{"_path":"smb_mapping","ts":1.5,"uid":"Cm","id.orig_h":"10.0.0.1","id.orig_p":49152,"id.resp_h":"52.0.0.1","id.resp_p":8445,"orig_pkts":"x"}"#,
        #"{"_path":"smb_files","ts":1.5,"uid":"Cf","id.orig_h":"10.0.0.1","id.orig_p":49152,"id.resp_h":"52.0.0.1","id.resp_p":445,"action":"SMB::FILE_DELETE","@system":"sensor\t1"}"#,
        // Rejected, SMB or not.
        #"{"_path":"conn","ts":"yesterday","uid":"C6","id.orig_h":"10.0.0.1","id.resp_h":"52.0.0.1","id.resp_p":443,"proto":"tcp"}"#,
        #"{"_path":"conn","uid":"C7","id.orig_h":"10.0.0.1","id.resp_h":"52.0.0.1","id.resp_p":443,"proto":"tcp"}"#,
        #"{"_path":"conn","ts":"","uid":"C8","id.orig_h":"10.0.0.1","id.resp_h":"52.0.0.1","id.resp_p":445,"proto":"tcp"}"#,
        #"{"_path":"conn","ts":1.5,"uid":"C9","id.orig_h":"10.0.0.300","id.resp_h":"52.0.0.1","id.resp_p":53,"proto":"udp"}"#,
        #"{"_path":"conn","ts":1.5,"uid":"C10","id.orig_h":"10.0.0.1","id.resp_h":"52.0.0.1","id.resp_p":70000,"proto":"udp"}"#,
        #"{"_path":"conn","ts":1.5,"uid":"C11","id.orig_h":"10.0.0.1","id.resp_h":"52.0.0.1","id.resp_p":53,"proto":"udp","resp_ip_bytes":-4}"#,
        #"{"_path":"conn","ts":1.5,"uid":"C12","id.orig_h":"10.0.0.1","id.resp_h":"52.0.0.1","id.resp_p":445,"proto":"tcp","duration":"long"}"#,
        #"{"_path":"conn","ts":1.5,"uid":"C13","id.orig_h":"10.0.0.1","id.resp_h":"52.0.0.1","id.resp_p":53,"proto":"udp","local_resp":"maybe"}"#,
        // Skipped, structural, malformed.
        #"{"_path":"dns","ts":1.5,"uid":"Cd","id.orig_h":"10.0.0.1","query":"example.com"}"#,
        #"{"ts":1.5,"message":"hello"}"#,
        "   ",
        #"{"_path":"conn","ts":1.5,"#,
    ]

    @Test(arguments: ["zeek-json-ascii.ndjson", "zeek-json-nested.ndjson", "zeek-json-otrf.ndjson", "zeek-json-streaming.ndjson"])
    func jsonFixturesReadTheSameOnBothPaths(name: String) throws {
        let comparison = Self.compare(ZeekJSONReader.self, try fixture(name))
        #expect(comparison.mismatches == [])
        #expect(comparison.kept > 0)
    }

    @Test func jsonEdgeRecordsReadTheSameOnBothPaths() {
        let text = Self.jsonLines.joined(separator: "\n") + "\n"
        let comparison = Self.compare(ZeekJSONReader.self, Data(text.utf8))
        #expect(comparison.mismatches == [])
        // SMB by port (C1, C5), by service (C3), by log (Cm, Cf); C2 is dropped, and C4, whose
        // unset proto makes port 445 no evidence.
        #expect(comparison.kept == 5)
        #expect(comparison.dropped == 2)
        let expectedReasons = [
            "zeek ts \"yesterday\" is not a time",
            "zeek record has no ts value",
            "zeek record has no ts value",
            "zeek id.orig_h \"10.0.0.300\" is not an IP address",
            "zeek id.resp_p \"70000\" is not a port",
            "zeek resp_ip_bytes \"-4\" is not a count",
            "zeek duration \"long\" is not a duration",
            "zeek local_resp \"maybe\" is not a boolean",
        ]
        #expect(Array(comparison.rejections.prefix(expectedReasons.count)) == expectedReasons)
        #expect(comparison.rejections.count == expectedReasons.count + 1)
    }
}

/// `ZeekSMBEvidence.isSMB` relies on each log's dataset: SMB for the smb logs, not for conn.log.
@Suite struct ZeekLogTypeDatasetTests {
    @Test(arguments: [(ZeekLogType.connection, false), (.smbMapping, true), (.smbFiles, true), (.smbCommand, true)])
    func datasetAloneDecidesSMBForTheSMBLogsOnly(logType: ZeekLogType, isSMB: Bool) {
        let byDataset = NetworkEvent.isSMB(
            transport: nil, sourcePort: nil, destinationPort: nil, dataset: logType.dataset, applicationProtocol: nil
        )
        #expect(byDataset == isSMB)
    }
}
