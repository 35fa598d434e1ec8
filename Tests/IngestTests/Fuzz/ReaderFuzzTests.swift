import Detection
import Foundation
import Testing
@testable import Ingest
import TestSupport

/// A seeded mutation fuzzer over every reader, bounded so that it runs in `swift test`: the same
/// cases on every run. What it asserts: no crash and no hang (a generous time limit, a guard
/// against endless loops, not a speed target), memory that stays bounded, every line around a
/// damaged one read as before, every rejection at its own line.
@Suite(.serialized) struct ReaderFuzzTests {
    /// Cases per seed and test; the seeds are the 12 samples of `FuzzSeed.all()`.
    static let readerCases = 100
    static let ingestCases = 8

    @Test(.timeLimit(.minutes(10)))
    func damagingOneLineChangesOnlyThatLinesOutcome() throws {
        var mutator = LogMutator(seed: 0x5EED_0001)
        for seed in try FuzzSeed.all() {
            let lines = seed.lines
            let clean = readAll(seed.reader, Data(seed.bytes))
            let targets = lines.indices.filter { !seed.readsHeaders || !Self.isHeaderLine(lines[$0]) }
            for _ in 0..<Self.readerCases {
                let target = targets[mutator.index(in: targets.count)]
                var damaged = lines
                damaged[target] = Self.keepingDataLine(mutator.mutate(line: lines[target]), of: seed)
                let outcomes = readAll(seed.reader, Data(Array(damaged.joined(separator: [0x0A])) + [0x0A]))
                #expect(outcomes.count == clean.count, "\(seed): line \(target + 1)")
                for index in outcomes.indices where index != target && outcomes[index] != clean[index] {
                    Issue.record("\(seed): damaging line \(target + 1) changed line \(index + 1): \(outcomes[index])")
                }
                if let reason = outcomes[target].rejection { #expect(!reason.isEmpty) }
            }
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func damagingOneLineInAnIngestedFileRejectsAtMostThatLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var mutator = LogMutator(seed: 0x5EED_0002)
        for seed in try FuzzSeed.all() {
            let lines = seed.lines
            let options = IngestOptions(format: seed.reader.format, maxIssues: 1_000, workers: 2)
            let clean = try Self.ingest(directory.write("clean-\(seed.name)", seed.bytes), options: options)
            let targets = lines.indices.filter { !seed.readsHeaders || !Self.isHeaderLine(lines[$0]) }
            for number in 0..<Self.ingestCases {
                let target = targets[mutator.index(in: targets.count)]
                var damaged = lines
                damaged[target] = Self.keepingDataLine(mutator.mutate(line: lines[target]), of: seed)
                let path = try directory.write("\(number)-\(seed.name)", Array(damaged.joined(separator: [0x0A])) + [0x0A])
                let (summary, events) = try Self.ingest(path, options: options)
                let line = target + 1
                #expect(summary.fatalError == nil, "\(seed): line \(line)")
                #expect(summary.lines == clean.summary.lines, "\(seed): line \(line)")
                #expect(summary.issues.filter { $0.line != line }.map(\.line)
                    == clean.summary.issues.filter { $0.line != line }.map(\.line), "\(seed): line \(line)")
                #expect(summary.issues.allSatisfy { $0.description.hasPrefix("\(path):\($0.line): ") })
                #expect(events.filter { $0.origin.line != line }.map(\.origin.original)
                    == clean.events.filter { $0.origin.line != line }.map(\.origin.original), "\(seed): line \(line)")
            }
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func damagedFilesAreReadOrRefusedAndEveryRejectionNamesItsLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let seeds = try FuzzSeed.all()
        let residentBefore = ResidentMemory.bytes()
        var mutator = LogMutator(seed: 0x5EED_0003)
        for (index, seed) in seeds.enumerated() {
            let foreign = seeds[(index + 1 + mutator.index(in: seeds.count - 1)) % seeds.count].bytes
            for number in 0..<Self.ingestCases {
                let damaged = mutator.mutate(file: seed.bytes, foreign: foreign)
                let path = try directory.write("\(number)-\(seed.name)", damaged)
                let (summary, events) = try Self.ingest(path, options: IngestOptions(maxIssues: 1_000, workers: 2))
                Self.checkConsistency(summary, events, damaged: damaged, path: path, seed: seed)
                try FileManager.default.removeItem(atPath: path)
            }
        }
        if let residentBefore, let residentAfter = ResidentMemory.bytes() {
            #expect(residentAfter - residentBefore < 512 << 20, "resident memory grew by \(residentAfter - residentBefore) bytes")
        }
    }

    /// A damaged line of a Zeek TSV file stays a data line: one that started with `#` would be a
    /// header line, which changes the lines after it by design.
    private static func keepingDataLine(_ line: [UInt8], of seed: FuzzSeed) -> [UInt8] {
        seed.readsHeaders && isHeaderLine(line) ? [UInt8(ascii: "X")] + line : line
    }

    private static func isHeaderLine(_ line: [UInt8]) -> Bool {
        (line.starts(with: [0xEF, 0xBB, 0xBF]) ? line.dropFirst(3).first : line.first) == UInt8(ascii: "#")
    }

    private static func ingest(_ path: String, options: IngestOptions) throws -> (summary: FileSummary, events: [IngestedEvent]) {
        var events: [IngestedEvent] = []
        let summary = try LogIngestor(options: options).ingest(InputFile(path: path)) { events += $0 }
        return (summary, events)
    }

    /// What holds for any input: a format or a fatal error; one outcome per line at most; every
    /// rejection within the file, in order, `file:line: reason`; every event at a line that was
    /// not rejected and whose text it carries; and for a reader that keeps no state, each rejected
    /// line rejected again when read alone.
    private static func checkConsistency(
        _ summary: FileSummary, _ events: [IngestedEvent], damaged: [UInt8], path: String, seed: FuzzSeed
    ) {
        let context = Comment(rawValue: "\(seed) damaged as \(path)")
        #expect(summary.format != nil || summary.fatalError != nil, context)
        #expect(summary.events + summary.skipped + summary.rejected <= summary.lines, context)
        #expect(summary.issues.count == summary.rejected, context)
        #expect(summary.issues.map(\.line) == summary.issues.map(\.line).sorted(), context)
        #expect(summary.issues.allSatisfy { (1...max(1, summary.lines)).contains($0.line) }, context)
        #expect(summary.issues.allSatisfy { $0.description.hasPrefix("\(path):\($0.line): ") }, context)
        let rejectedLines = Set(summary.issues.map(\.line))
        #expect(events.allSatisfy { !rejectedLines.contains($0.origin.line) }, context)
        guard summary.fatalError == nil, let format = summary.format else { return }
        let lines = PipelineLines(damaged)
        #expect(summary.lines == lines.count, context)
        for event in events where lines.text(event.origin.line) != event.origin.original {
            Issue.record("\(context): the event of line \(event.origin.line) carries another line's text")
        }
        guard let reader = FormatSniffer.reader(for: format), reader is any StatelessLineReader.Type else { return }
        for issue in summary.issues where !lines.isRejectedAlone(issue.line, reason: issue.reason, by: reader) {
            Issue.record("\(context): line \(issue.line) is not rejected when read alone (\(issue.reason))")
        }
    }
}
