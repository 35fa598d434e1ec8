import Foundation

/// Writes `--json` output: one compact JSON object per line, keys sorted so output is stable.
enum JSONLines {
    static func write(_ object: [String: Any]) {
        FileHandle.standardOutput.write(line(object))
    }

    /// `object` as one line of JSON, newline included.
    static func line(_ object: [String: Any]) -> Data {
        try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            + Data("\n".utf8)
    }

    /// ISO-8601 with milliseconds in UTC, as Elasticsearch writes dates.
    static func date(_ date: Date?) -> Any {
        guard let date else { return NSNull() }
        return date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true)
            .timeZone(separator: .omitted).dateSeparator(.dash).timeSeparator(.colon))
    }

    /// A value or JSON null.
    static func optional(_ value: (any Sendable)?) -> Any { value ?? NSNull() }
}
