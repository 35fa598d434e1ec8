import Foundation
@testable import Ingest

/// The lines of an input as the ingest pipeline numbers them, worked out independently of it: a
/// leading byte-order mark dropped, split on LF and on a lone CR, a CR before the LF (or at the end)
/// dropped.
struct PipelineLines {
    private let lines: [[UInt8]]

    init(_ input: [UInt8]) {
        let unmarked = input.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(input.dropFirst(3)) : input
        let bytes = KernelDifferentialTests.loneCarriageReturnsTurned(unmarked)
        var pieces = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if pieces.last?.isEmpty == true { pieces.removeLast() }
        lines = pieces.map { line in Array(line.last == 0x0D ? line.dropLast() : line) }
    }

    var count: Int { lines.count }

    /// The text of the 1-based line `number`, when it is UTF-8.
    func text(_ number: Int) -> String? {
        String(validating: lines[number - 1], as: UTF8.self)
    }

    /// True when `reader` alone, or the pipeline's own checks, reject the line for `reason`.
    func isRejectedAlone(_ number: Int, reason: String, by reader: any LineReader.Type) -> Bool {
        let line = lines[number - 1]
        if line.contains(0) { return reason == "line holds a NUL byte: not text" }
        if line.count > LineChunker.maximumLineLength { return reason == "line longer than 1 MiB" }
        if reason == "line is not valid UTF-8" { return String(validating: line, as: UTF8.self) == nil }
        return outcome(of: line, number: number, reader) == .rejected(reason: reason)
    }

    private func outcome<Reader: LineReader>(of line: [UInt8], number: Int, _: Reader.Type) -> LineOutcome {
        var reader = Reader(options: ReaderOptions())
        return line.withLineBytes { reader.read(line: $0, number: number) }
    }
}

/// The process's resident memory, where the system tells it (`/proc/self/statm`).
enum ResidentMemory {
    static func bytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
