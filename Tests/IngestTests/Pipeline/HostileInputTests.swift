import Detection
import Foundation
import Testing
@testable import Ingest
import TestSupport

/// Inputs that used to lose a whole file or never end: one bad line or byte costs that line only.
@Suite struct HostileInputTests {
    private func ingest(_ path: String, options: IngestOptions = IngestOptions()) throws -> (FileSummary, [IngestedEvent]) {
        var events: [IngestedEvent] = []
        let summary = try LogIngestor(options: options).ingest(InputFile(path: path)) { events += $0 }
        return (summary, events)
    }

    private func fixtureLines(_ name: String) throws -> [String] {
        String(decoding: try fixture(name), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    @Test func aNULByteEarlyInTheFileCostsOnlyItsLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var lines = try fixtureLines("suricata-eve.json")
        let clean = try ingest(directory.write("clean.json", text: lines.joined(separator: "\n") + "\n"))
        lines[2].insert("\u{0}", at: lines[2].index(lines[2].startIndex, offsetBy: 10))
        let (summary, events) = try ingest(directory.write("nul.json", text: lines.joined(separator: "\n") + "\n"))
        #expect(summary.fatalError == nil)
        #expect(summary.format == .suricata)
        #expect(summary.issues.map(\.line) == [3])
        #expect(summary.issues.first?.reason == "line holds a NUL byte: not text")
        #expect(events.map(\.origin.line) == clean.1.map(\.origin.line).filter { $0 != 3 })
        #expect(summary.events == clean.0.events - 1)
    }

    @Test func oneLineThatIsNoJSONAmongTheFirstDoesNotHideAnECSFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lines = [LogIngestorTests.smbLine(1), "garbage that is no JSON", LogIngestorTests.smbLine(3)]
        let (summary, events) = try ingest(directory.write("flows.ndjson", text: lines.joined(separator: "\n")))
        #expect(summary.format == .ecs)
        #expect(summary.issues.map(\.line) == [2])
        #expect(events.map(\.origin.line) == [1, 3])
    }

    @Test func aFirstLineOverTheChunkSizeDoesNotHideTheFormat() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let huge = #"{"pad":""# + String(repeating: "x", count: 2_200_000) + #""}"#
        let lines = [huge, LogIngestorTests.smbLine(2), LogIngestorTests.smbLine(3)]
        let (summary, events) = try ingest(directory.write("flows.ndjson", text: lines.joined(separator: "\n")))
        #expect(summary.format == .ecs)
        #expect(summary.issues.map(\.line) == [1])
        #expect(summary.issues.first?.reason == "line longer than 1 MiB")
        #expect(events.map(\.origin.line) == [2, 3])
    }

    @Test func aGzipFileInsideATarIsStillBinary() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = (1...3_000).map(LogIngestorTests.smbLine).joined(separator: "\n")
        var header = Array("flows.ndjson.gz".utf8) + [UInt8](repeating: 0, count: 85)
        header += Array("0000644\u{0}0001750\u{0}".utf8) + [UInt8](repeating: 0, count: 512 - header.count - 16)
        let (summary, events) = try ingest(directory.write("logs.tar", header + gzip(Array(text.utf8))))
        #expect(summary.fatalError?.hasPrefix("binary data (") == true)
        #expect(summary.format == nil)
        #expect(events.isEmpty)
    }

    @Test func anEndlessRunWithoutALineEndStopsWithAClearError() throws {
        let (summary, events) = try ingest("/dev/zero")
        #expect(summary.fatalError
            == "no line end within 64 MiB after the start of line 1: not a line-oriented text log; reading stopped")
        #expect(events.isEmpty)
    }

    @Test func anEndlessRunAfterGoodLinesRejectsItsLineThenStops() throws {
        let good = Array((LogIngestorTests.smbLine(1) + "\n" + LogIngestorTests.smbLine(2) + "\n").utf8)
        let chunker = LineChunker(source: EndlessSource(prefix: good))
        let first = try #require(try chunker.next())
        #expect(first.lineCount == 2)
        let overlong = try #require(try chunker.next())
        #expect(overlong.firstLine == 3)
        guard case .overlongLine = overlong.content else {
            Issue.record("expected the endless line as an overlong line")
            return
        }
        #expect(throws: SourceError(message: "no line end within 64 MiB after the start of line 3: "
                                        + "not a line-oriented text log; reading stopped")) { try chunker.next() }
        #expect(try chunker.next() == nil)
    }

    @Test func carriageReturnLineEndsSplitLines() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lines = try fixtureLines("panos-traffic.csv")
        let withLF = try ingest(directory.write("lf.csv", text: lines.joined(separator: "\n") + "\n"))
        let withCR = try ingest(directory.write("cr.csv", text: lines.joined(separator: "\r") + "\r"))
        let withCRLF = try ingest(directory.write("crlf.csv", text: lines.joined(separator: "\r\n") + "\r\n"))
        #expect(withLF.0.lines == lines.count)
        #expect(withLF.1.count > 1)
        for (summary, events) in [withCR, withCRLF] {
            #expect(summary.format == .panos)
            #expect(summary.lines == withLF.0.lines)
            #expect(summary.rejected == withLF.0.rejected)
            #expect(events.map(\.origin.line) == withLF.1.map(\.origin.line))
            #expect(events.map(\.origin.original) == withLF.1.map(\.origin.original))
        }
    }

    /// The review's file: lines joined by LF, a lone CR and CRLF in one file lose no record.
    @Test func mixedLineEndsInOneFileEachEndALine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lines = try fixtureLines("suricata-eve.json")
        let separators = ["\n", "\r", "\r\n"]
        let mixed = lines.enumerated().map { $1 + separators[$0 % 3] }.joined()
        let withLF = try ingest(directory.write("lf.json", text: lines.joined(separator: "\n") + "\n"))
        let (summary, events) = try ingest(directory.write("mixed.ndjson", text: mixed))
        #expect(lines.count >= 3)
        #expect(summary.lines == lines.count)
        #expect(summary.rejected == withLF.0.rejected)
        #expect(events.map(\.origin.line) == withLF.1.map(\.origin.line))
        #expect(events.map(\.origin.original) == withLF.1.map(\.origin.original))
    }

    @Test func foreignJSONObjectsInAZeekFileAreRejected() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Four Zeek records and two foreign ones: the foreign are a minority, so the file is Zeek's.
        var lines = try fixtureLines("zeek-json-ascii.ndjson")
        lines += lines
        let clean = try ingest(directory.write("clean.ndjson", text: lines.joined(separator: "\n") + "\n"))
        lines.insert(#"{"timestamp":"2023-09-18T06:13:21Z","event_type":"flow","src_ip":"10.0.0.5","dest_ip":"8.8.8.8","dest_port":445}"#, at: 1)
        lines.append(LogIngestorTests.smbLine(9))
        let (summary, events) = try ingest(directory.write("mixed.ndjson", text: lines.joined(separator: "\n") + "\n"))
        #expect(summary.format == .zeekJSON)
        #expect(summary.issues.map(\.line) == [2, lines.count])
        #expect(summary.issues.allSatisfy { $0.reason == "JSON object is no zeek record (no _path, @stream or ts)" })
        #expect(summary.skipped == clean.0.skipped)
        #expect(events.count == clean.1.count)
    }

    @Test func zeekAndSuricataRecordsInAnECSFileAreRejected() {
        let zeek = #"{"ts":1704456694.1,"uid":"C1","id.orig_h":"10.1.2.3","id.resp_h":"198.51.100.7","id.resp_p":445}"#
        let eve = #"{"timestamp":"2023-09-18T06:13:21Z","event_type":"flow","src_ip":"10.0.0.5","dest_ip":"8.8.8.8"}"#
        for line in [zeek, eve] {
            #expect(ECSReader.outcome(of: line).rejection
                == "a Zeek or Suricata record (id.orig_h, _path or src_ip), not an ECS document")
        }
    }
}

/// Hands out `prefix`, then NUL bytes for ever.
private final class EndlessSource: ByteSource {
    private var prefix: [UInt8]

    init(prefix: [UInt8]) {
        self.prefix = prefix
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SourceError) -> Int {
        guard prefix.isEmpty else {
            let count = min(buffer.count, prefix.count)
            buffer.copyBytes(from: prefix[..<count])
            prefix.removeFirst(count)
            return count
        }
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
        return buffer.count
    }
}
