import Foundation
import ScreenCore

/// Writes `--json` output: one compact JSON object per line (an `Encodable` document), keys sorted
/// so output is stable.
public enum JSONLines {
    /// Writes `document` to standard output as one line.
    public static func write(_ document: some Encodable) throws {
        FileHandle.standardOutput.write(try line(document))
    }

    /// `document` as one line of JSON, keys sorted, newline included, safe for a terminal (`terminalSafe`).
    public static func line(_ document: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(document), as: UTF8.self)
        return Data((terminalSafe(json) + "\n").utf8)
    }

    /// `json` with DEL, C1 controls and bidirectional overrides written as `\uXXXX` escapes: the
    /// same JSON, but nothing a terminal would act on. (Serializers escape C0 controls in strings
    /// themselves; outside strings they are whitespace, e.g. NDJSON's newlines.) Such scalars occur
    /// only inside strings, where the escape means the same character.
    public static func terminalSafe(_ json: String) -> String {
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
    public static func date(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true)
            .timeZone(separator: .omitted).dateSeparator(.dash).timeSeparator(.colon))
    }
}
