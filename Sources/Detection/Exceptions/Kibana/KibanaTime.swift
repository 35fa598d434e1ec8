import Foundation

/// Kibana's ISO-8601 times: written with milliseconds, read with or without fractional seconds.
enum KibanaTime {
    private static let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let whole = Date.ISO8601FormatStyle()

    /// The time on its nearest millisecond. (The format style truncates, and a time read from a
    /// text often lies a hair below the millisecond written: `…29.123` is held as `…29.12299…`, so
    /// an import and export would move it back by a millisecond each time.)
    static func text(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        let seconds = (milliseconds / 1000).rounded(.down)
        let wholeText = whole.format(Date(timeIntervalSince1970: seconds))
        return wholeText.dropLast() + "." + String(format: "%03d", Int(milliseconds - seconds * 1000)) + "Z"
    }

    static func date(_ text: String) -> Date? {
        (try? fractional.parse(text)) ?? (try? whole.parse(text))
    }
}
