import Foundation

/// Kibana's ISO-8601 times: written with milliseconds, read with or without fractional seconds.
enum KibanaTime {
    private static let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let whole = Date.ISO8601FormatStyle()

    static func text(_ date: Date) -> String {
        fractional.format(date)
    }

    static func date(_ text: String) -> Date? {
        (try? fractional.parse(text)) ?? (try? whole.parse(text))
    }
}
