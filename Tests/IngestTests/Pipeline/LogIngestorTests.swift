import Detection
import TestSupport
import Foundation
import Testing
@testable import Ingest

/// Runs `LogIngestor` over files written for each test.
@Suite struct LogIngestorTests {
    /// An SMB flow (internal → public :445), its port varied so every line is distinct.
    static func smbLine(_ index: Int) -> String {
        #"{"event":{"dataset":"flow","category":["network"]},"source":{"ip":"10.0.0.\#(index % 250 + 1)","port":\#(40000 + index % 20000)},"destination":{"ip":"52.1.2.3","port":445},"network":{"transport":"tcp"}}"#
    }

    static let httpsLine = #"{"event":{"dataset":"flow","category":["network"]},"source":{"ip":"10.0.0.1","port":40000},"destination":{"ip":"52.1.2.3","port":443},"network":{"transport":"tcp"}}"#

    /// Reads `path`, collecting every delivered event and the batch sizes.
    func ingest(_ path: String, options: IngestOptions = IngestOptions()) throws -> (FileSummary, [IngestedEvent], [Int]) {
        var events: [IngestedEvent] = []
        var batches: [Int] = []
        let summary = try LogIngestor(options: options).ingest(InputFile(path: path)) { batch in
            events += batch
            batches.append(batch.count)
        }
        return (summary, events, batches)
    }

    @Test func deliversSMBEventsWithTheirOrigin() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = [Self.smbLine(1), Self.httpsLine, "", #"{"message":"x"}"#, Self.smbLine(2)].joined(separator: "\n") + "\n"
        let path = try directory.write("flows.ndjson", text: text)
        let (summary, events, _) = try ingest(path)
        #expect(summary == FileSummary(path: path, format: .ecs, lines: 5, events: 3, smbEvents: 2, skipped: 1))
        #expect(events.map(\.origin.line) == [1, 5])
        #expect(events.map(\.origin.original) == [Self.smbLine(1), Self.smbLine(2)])
        #expect(events.allSatisfy { $0.origin.path == path && $0.origin.format == "ecs" })
        #expect(events[0].event.sourceIPs == [IPAddress("10.0.0.2")!])
    }

    @Test func byteOrderMarkAndCRLFAreStripped() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("crlf.ndjson", [0xEF, 0xBB, 0xBF] + Array((Self.smbLine(1) + "\r\n" + Self.smbLine(2) + "\r\n").utf8))
        let (summary, events, _) = try ingest(path)
        #expect(summary.rejected == 0)
        #expect(events.map(\.origin.original) == [Self.smbLine(1), Self.smbLine(2)])
    }

    @Test func manyChunksKeepLineNumbersOrderAndBatches() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // ~7 MB: several chunks parsed on several threads.
        var lines = (1...30_000).map { $0 % 3 == 0 ? Self.smbLine($0) : Self.httpsLine }
        lines[24_999] = #"{"source":{"ip":"not-an-ip"}}"#
        let path = try directory.write("big.ndjson", text: lines.joined(separator: "\n"))
        let (summary, events, batches) = try ingest(path)
        #expect(summary.lines == 30_000)
        #expect(summary.rejected == 1)
        #expect(summary.issues.map(\.line) == [25_000])
        #expect(summary.issues.first?.description.hasPrefix("\(path):25000: source.ip \"not-an-ip\" is not an IP address") == true)
        #expect(summary.smbEvents == 10_000)
        #expect(events.map(\.origin.line) == Array(stride(from: 3, through: 30_000, by: 3)))
        #expect(events.allSatisfy { $0.origin.original == Self.smbLine($0.origin.line) })
        #expect(batches.dropLast().allSatisfy { $0 >= LogIngestor.batchSize })
        #expect(batches.reduce(0, +) == 10_000)
    }

    @Test func gzipIsReadByMagicBytesIncludingConcatenatedMembers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = Array((Self.smbLine(1) + "\n").utf8)
        let second = Array((Self.smbLine(2) + "\n" + Self.httpsLine + "\n").utf8)
        let path = try directory.write("flows.log", gzip(first) + gzip(second))
        let (summary, events, _) = try ingest(path)
        #expect(summary.fatalError == nil)
        #expect(summary.lines == 3)
        #expect(events.map(\.origin.original) == [Self.smbLine(1), Self.smbLine(2)])
    }

    @Test func truncatedGzipIsAFatalErrorAfterWhatWasRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = (1...2_000).map(Self.smbLine).joined(separator: "\n") + "\n"
        let compressed = gzip(Array(text.utf8))
        let path = try directory.write("cut.gz", Array(compressed.prefix(compressed.count * 2 / 3)))
        let (summary, events, _) = try ingest(path)
        let fatal = try #require(summary.fatalError)
        #expect(fatal.hasPrefix("truncated gzip stream"))
        #expect(summary.lines > 0 && summary.lines < 2_000)
        #expect(events.count == summary.smbEvents)
    }

    @Test func corruptGzipIsAFatalError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var compressed = gzip(Array((Self.smbLine(1) + "\n").utf8))
        for index in 12..<compressed.count - 8 { compressed[index] ^= 0x5A }
        let path = try directory.write("bad.gz", compressed)
        let (summary, _, _) = try ingest(path)
        #expect(summary.fatalError?.hasPrefix("corrupt gzip data") == true)
    }

    @Test func emptyInputs() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(try ingest(directory.write("empty.ndjson", [])).0.fatalError == "empty file")
        #expect(try ingest(directory.write("empty.gz", gzip([]))).0.fatalError == "empty file (the gzip stream holds no data)")
    }

    @Test func binaryJunkIsNotRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var random = SplitMix64(seed: 0xE1F)
        let junk = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
        let (summary, events, _) = try ingest(directory.write("a.out", junk))
        let fatal = try #require(summary.fatalError)
        #expect(fatal.hasPrefix("binary data ("))
        #expect(fatal.hasSuffix(" lines hold NUL or control bytes), not a text log"))
        #expect(summary.format == nil)
        #expect(events.isEmpty)
    }

    @Test func unknownFormatNamesTheKnownOnes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (summary, _, _) = try ingest(directory.write("notes.txt", text: "hello\nworld\n"))
        let known = FormatSniffer.readers.map { $0.format.rawValue }.joined(separator: ", ")
        #expect(known == "zeek-tsv, zeek-json, suricata, sysmon, panos, ecs")
        #expect(summary.fatalError == "unknown log format: the first lines match none of \(known) (choose one with --format)")
    }

    @Test func overlongLinesAreRejectedAndReadingGoesOn() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let huge = #"{"pad":""# + String(repeating: "x", count: 10 << 20) + #""}"#
        let justOver = #"{"pad":""# + String(repeating: "y", count: (1 << 20) + 10) + #""}"#
        let text = [Self.smbLine(1), huge, Self.smbLine(3), justOver, Self.smbLine(5)].joined(separator: "\n")
        let (summary, events, _) = try ingest(directory.write("long.ndjson", text: text))
        #expect(summary.lines == 5)
        #expect(summary.issues.map(\.line) == [2, 4])
        #expect(summary.issues.allSatisfy { $0.reason == "line longer than 1 MiB" })
        #expect(events.map(\.origin.line) == [1, 3, 5])
    }

    @Test func invalidUTF8IsRejectedWithItsLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let bad = Array(#"{"source":{"ip":"10.0.0.1"},"host":{"name":"x"#.utf8) + [0xC3, 0x28] + Array(#""}}"#.utf8)
        let bytes = Array((Self.smbLine(1) + "\n").utf8) + bad + [0x0A] + Array(Self.smbLine(3).utf8)
        let (summary, events, _) = try ingest(directory.write("latin1.ndjson", bytes))
        #expect(summary.issues == [IngestIssue(path: directory.path + "/latin1.ndjson", line: 2,
                                               reason: "invalid JSON at byte 46: invalid UTF-8 sequence")])
        #expect(events.count == 2)
    }

    @Test func strictModeStopsAtTheFirstRejection() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = [Self.smbLine(1), "{oops", Self.smbLine(3), "{again"].joined(separator: "\n")
        let path = try directory.write("strict.ndjson", text: text)
        let (summary, events, _) = try ingest(path, options: IngestOptions(strict: true))
        #expect(summary.fatalError == "stopped at line 2 (strict mode): invalid JSON at byte 2: expected a string key")
        #expect(summary.lines == 2)
        #expect(summary.rejected == 1)
        #expect(events.map(\.origin.line) == [1])
        let (lenient, _, _) = try ingest(path)
        #expect(lenient.rejected == 2)
        #expect(lenient.fatalError == nil)
    }

    @Test func issuesAreCappedButAllCounted() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = ([Self.smbLine(1)] + Array(repeating: "{bad", count: 30)).joined(separator: "\n")
        let (summary, _, _) = try ingest(directory.write("bad.ndjson", text: text), options: IngestOptions(maxIssues: 5))
        #expect(summary.rejected == 30)
        #expect(summary.issues.map(\.line) == [2, 3, 4, 5, 6])
    }

    @Test func deliverErrorsPropagate() throws {
        struct StoreFull: Error {}
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("f.ndjson", text: Self.smbLine(1))
        #expect(throws: StoreFull.self) {
            _ = try LogIngestor(options: IngestOptions()).ingest(InputFile(path: path)) { _ in throw StoreFull() }
        }
    }

    @Test func unreadableInputIsReported() throws {
        let summary = try LogIngestor(options: IngestOptions()).ingest(InputFile(path: "/nonexistent/x.ndjson")) { _ in }
        #expect(summary.fatalError == "cannot open: No such file or directory")
    }
}

/// A reader that keeps state: it rejects any line whose number does not follow the previous one,
/// so it proves that one reader sees every line of a file in order.
struct SequenceCheckingReader: LineReader {
    static let format = LogFormat.zeekTSV
    static func recognizes(_ sample: [String]) -> Bool { false }
    private var previous = 0

    init(options: ReaderOptions) {}

    mutating func read(line: LineBytes, number: Int) -> LineOutcome {
        defer { previous = number }
        return number == previous + 1 ? .structural : .rejected(reason: "line \(number) after \(previous)")
    }
}

@Suite struct StatefulReaderPipelineTests {
    @Test func aStatefulReaderSeesEveryLineInOrderAcrossChunks() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let line = String(repeating: "z", count: 300)
        let path = try directory.write("many.log", text: Array(repeating: line, count: 25_000).joined(separator: "\n"))
        let summary = try LogIngestor(options: IngestOptions()).ingest(InputFile(path: path), as: SequenceCheckingReader.self) { _ in }
        #expect(summary.lines == 25_000)
        #expect(summary.rejected == 0)
        #expect(summary.format == .zeekTSV)
    }
}
