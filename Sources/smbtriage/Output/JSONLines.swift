import Console
import Foundation
import ScreenCore

/// Writes `--json` output: one compact JSON object per line, keys sorted so output is stable.
enum JSONLines {
    static func write(_ object: [String: Any]) {
        FileHandle.standardOutput.write(line(object))
    }

    /// `object` as one line of JSON, newline included, safe for a terminal (`terminalSafe`).
    static func line(_ object: [String: Any]) -> Data {
        let data = try! JSONSerialization.data(withJSONObject: object,
                                               options: [.sortedKeys, .withoutEscapingSlashes])
        return Data((terminalSafe(String(decoding: data, as: UTF8.self)) + "\n").utf8)
    }

    /// `json` with DEL, C1 controls and bidirectional overrides written as `\uXXXX` escapes: the
    /// same JSON, but nothing a terminal would act on. (Serializers escape C0 controls in strings
    /// themselves; outside strings they are whitespace, e.g. NDJSON's newlines.) Such scalars occur
    /// only inside strings, where the escape means the same character.
    static func terminalSafe(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var result = ""
        for scalar in json.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            let digits = String(scalar.value, radix: 16)
            result += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 && DisplayText.needsEscape(scalar)
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
