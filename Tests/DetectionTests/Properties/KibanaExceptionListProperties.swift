import Foundation
import PropertyBased
import Testing
import TestSupport
@testable import Detection

/// Exporting items as a Kibana exception list and parsing the export gives the items back, on
/// generated items whose texts hold quotes, backslashes, control characters and non-ASCII text.
@Suite struct KibanaExceptionListProperties {
    /// Texts with what JSON must escape and what it carries as UTF-8.
    private static let pieces = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r\n", "\t", "\u{0}", "\u{1B}[31m",
                                 "é", "財務", "🛡️", "\u{2028}", "ip", "10.0.0.0/8", "::1", "-", "*"]

    private static func text(_ random: inout SplitMix64, nonEmpty: Bool = false) -> String {
        let count = random.next(below: 8) + (nonEmpty ? 1 : 0)
        return (0..<count).map { _ in pieces[random.next(below: pieces.count)] }.joined()
    }

    /// A time on a whole millisecond (the export's resolution) between 2001 and 2033.
    private static func time(_ random: inout SplitMix64) -> Date {
        Date(timeIntervalSince1970: Double(1_000_000_000_000 + random.next(below: 1_000_000_000_000)) / 1000)
    }

    static func items(seed: UInt64) -> [ExceptionItem] {
        var random = SplitMix64(seed: seed)
        return (0..<random.next(below: 4)).map { index in
            let entries = (0...random.next(below: 3)).map { _ in
                ExceptionEntry(
                    field: text(&random, nonEmpty: true),
                    operator: random.next(below: 2) == 0 ? .included : .excluded,
                    value: random.next(below: 2) == 0
                        ? .match(text(&random))
                        : .matchAny((0...random.next(below: 3)).map { _ in text(&random) }))
            }
            return ExceptionItem(id: "item-\(index)-" + text(&random), name: text(&random), comment: text(&random),
                                 author: text(&random), createdAt: time(&random),
                                 expiresAt: random.next(below: 2) == 0 ? nil : time(&random), entries: entries)
        }
    }

    /// The item with its times on the nearest millisecond: a time read back from its text may
    /// differ from the one written in the last bit of its `Double`.
    private static func toMilliseconds(_ item: ExceptionItem) -> ExceptionItem {
        let rounded = { (date: Date) in Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000) }
        var item = item
        item.createdAt = rounded(item.createdAt)
        item.expiresAt = item.expiresAt.map(rounded)
        return item
    }

    @Test func exportThenParseGivesTheItemsBack() async throws {
        await propertyCheck(count: 2_000, input: Gen.uint64()) { seed in
            let items = Self.items(seed: seed)
            let export = KibanaExceptionList.export(items, listID: "generated", now: Date(timeIntervalSince1970: 1_800_000_000))
            let parsed = try KibanaExceptionList.parse(export)
            #expect(parsed.map { Self.toMilliseconds($0.item) } == items.map(Self.toMilliseconds))
            #expect(parsed.map(\.line) == items.indices.map { $0 + 2 }, "items follow the list line")
        }
    }

    @Test func entriesSurviveTheirStoredJSON() async throws {
        await propertyCheck(count: 2_000, input: Gen.uint64()) { seed in
            for item in Self.items(seed: seed) {
                let decoded = try KibanaExceptionList.entries(json: KibanaExceptionList.entriesJSON(item.entries))
                #expect(decoded == item.entries)
            }
        }
    }
}
