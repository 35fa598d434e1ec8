import Detection
import Foundation
import Testing
@testable import Ingest
import TestSupport

/// Zeek TSV parsed on several threads: each chunk starts from the header in force at its start.
@Suite struct HeaderStatefulPipelineTests {
    /// One SMB row of the file: where it is and what it holds.
    struct ExpectedSMBRow: Equatable {
        var line: Int
        var sourcePort: Int
        var destination: IPAddress
    }

    /// About 7 MB (several 2 MiB chunks) of two concatenated conn logs: the second starts with a
    /// new `#separator` and declares other columns in another order, and holds one short row.
    static func concatenatedConnLogs() -> (text: String, smb: [ExpectedSMBRow], shortRowLine: Int) {
        var lines = [
            "#separator \\x09", "#set_separator\t,", "#empty_field\t(empty)", "#unset_field\t-", "#path\tconn",
            "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\thistory",
            "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring",
        ]
        var smb: [ExpectedSMBRow] = []
        let padding = String(repeating: "ShADadFf", count: 8)
        func destination(_ row: Int) -> (address: String, port: Int) {
            row % 7 == 0 ? ("52.1.\(row % 200).3", 445) : ("10.0.0.1", 53)
        }
        for row in 0..<30_000 {
            let (address, port) = destination(row)
            lines.append("1704456694.\(100_000 + row)\tC\(row)\t10.0.\(row % 250).9\t\(40_000 + row % 20_000)\t\(address)\t\(port)\ttcp\t\(padding)")
            if port == 445 { smb.append(ExpectedSMBRow(line: lines.count, sourcePort: 40_000 + row % 20_000, destination: IPAddress(address)!)) }
        }
        lines += [
            "#close\t2024-01-05-13-00-00", "#separator \\x09", "#unset_field\t?", "#path\tconn",
            "#fields\tuid\tid.resp_p\tnote\tid.resp_h\tts\tid.orig_p\tid.orig_h\tproto",
        ]
        var shortRowLine = 0
        for row in 30_000..<60_000 {
            let (address, port) = destination(row)
            lines.append("C\(row)\t\(port)\t\(padding)\t\(address)\t1704456700.\(100_000 + row % 900_000)\t\(40_000 + row % 20_000)\t10.0.\(row % 250).9\ttcp")
            if port == 445 { smb.append(ExpectedSMBRow(line: lines.count, sourcePort: 40_000 + row % 20_000, destination: IPAddress(address)!)) }
            if row == 45_000 {
                lines.append("C-short\t445")
                shortRowLine = lines.count
            }
        }
        lines.append("#close\t2024-01-05-14-00-00")
        return (lines.joined(separator: "\n") + "\n", smb, shortRowLine)
    }

    func ingest(_ path: String, workers: Int) throws -> (FileSummary, [IngestedEvent]) {
        var events: [IngestedEvent] = []
        let summary = try LogIngestor(options: IngestOptions(workers: workers)).ingest(InputFile(path: path)) { events += $0 }
        return (summary, events)
    }

    @Test func twoWorkersGiveWhatOneGivesAcrossAHeaderChange() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = Self.concatenatedConnLogs()
        #expect(file.text.utf8.count > 3 * (2 << 20))
        let path = try directory.write("conn.log", text: file.text)

        let (serial, serialEvents) = try ingest(path, workers: 1)
        let (parallel, parallelEvents) = try ingest(path, workers: 2)

        #expect(parallel == serial)
        #expect(parallelEvents == serialEvents)
        #expect(parallel.format == .zeekTSV)
        #expect(parallel.events == 60_000)
        #expect(parallel.rejected == 1)
        #expect(parallel.issues.map(\.line) == [file.shortRowLine])
        let smb = parallelEvents.map {
            ExpectedSMBRow(line: $0.origin.line, sourcePort: $0.event.sourcePort ?? -1,
                           destination: $0.event.destinationIPs.first ?? IPAddress("0.0.0.0")!)
        }
        #expect(smb == file.smb)
    }

    @Test func aResumedFileStartsFromItsHeaderOnEveryWorker() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = Self.concatenatedConnLogs()
        let path = try directory.write("conn.log", text: file.text)
        let skippedLines = 1_000
        let offset = file.text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .prefix(skippedLines).reduce(0) { $0 + $1.count + 1 }
        var events: [IngestedEvent] = []
        let (summary, end) = try LogIngestor(options: IngestOptions(workers: 2)).ingest(
            InputFile(path: path), from: ReadPosition(offset: Int64(offset), line: skippedLines)
        ) { events += $0 }
        #expect(summary.rejected == 1)
        #expect(end.line == skippedLines + summary.lines)
        #expect(events.map(\.origin.line) == file.smb.map(\.line).filter { $0 > skippedLines })
        #expect(events.map(\.event.sourcePort) == file.smb.filter { $0.line > skippedLines }.map(\.sourcePort))
    }

    @Test func headerLinesAreFoundOnlyAtLineStarts() {
        let bytes = Array("#a\r\nrow # not\n\n#b\tc\nrow\n#".utf8)
        var found: [String] = []
        bytes.withLineBytes { lines in
            lines.forEachLine(startingWith: UInt8(ascii: "#")) { found.append(String(decoding: $0, as: UTF8.self)) }
        }
        #expect(found == ["#a", "#b\tc", "#"])
    }
}
