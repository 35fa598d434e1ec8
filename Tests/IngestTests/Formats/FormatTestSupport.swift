import Detection
import Foundation
import Testing
@testable import Ingest

/// Drives a reader over a whole text the way the pipeline does: one line at a time, split on
/// "\n" with a trailing "\r" stripped, numbered from 1.
func readAll<Reader: LineReader>(
    _ readerType: Reader.Type, _ data: Data, options: ReaderOptions = ReaderOptions()
) -> [LineOutcome] {
    var reader = Reader(options: options)
    var outcomes: [LineOutcome] = []
    var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    for (index, line) in lines.enumerated() {
        var bytes = Array(line)
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        let outcome = bytes.withLineBytes { reader.read(line: $0, number: index + 1) }
        outcomes.append(outcome)
    }
    return outcomes
}

/// `readAll` over a string.
func readAll<Reader: LineReader>(
    _ readerType: Reader.Type, _ text: String, options: ReaderOptions = ReaderOptions()
) -> [LineOutcome] {
    readAll(readerType, Data(text.utf8), options: options)
}

/// A fixture file from `Formats/Fixtures`.
func fixture(_ name: String) throws -> Data {
    let directory = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return try Data(contentsOf: directory.appendingPathComponent(name))
}

/// The first lines of a fixture, as `recognizes(_:)` receives them.
func sample(_ name: String) throws -> [String] {
    let lines = try fixture(name).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    return lines.prefix(20).map { line in
        String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
    }
}

extension LineOutcome {
    /// The reason of a skip (`event` and `rejection` are in Support/LineReading.swift).
    var skip: String? {
        if case .skipped(let reason) = self { return reason }
        return nil
    }
}

extension Array where Element == LineOutcome {
    /// The events among the outcomes, in order.
    var events: [NetworkEvent] { compactMap(\.event) }
}

/// An IP address literal known to be valid.
func ip(_ text: String) -> IPAddress { IPAddress(text)! }

/// A UTC date from epoch seconds.
func epoch(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }
