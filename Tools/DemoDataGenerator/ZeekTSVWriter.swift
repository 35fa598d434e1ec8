/// Renders a Zeek log in Zeek's default ASCII (TSV) form: the `#` header, tab-separated rows with
/// `-` for unset and `(empty)` for an empty set, backslashes and non-ASCII bytes escaped, `#close`.
enum ZeekTSVWriter {
    /// When the sensor opened and closed the log files.
    private static let opened = Story.day
    private static let closed = Story.day.at(hour: 23, minute: 59, second: 59)

    static func file(_ log: ZeekLog, path: String, summary: String) -> DemoFile {
        let header = [
            "#separator \\x09", "#set_separator\t,", "#empty_field\t(empty)", "#unset_field\t-",
            "#path\t\(log.path)", "#open\t\(opened.zeekHeader)",
            "#fields\t" + log.fields.map(\.name).joined(separator: "\t"),
            "#types\t" + log.fields.map(\.type).joined(separator: "\t"),
        ]
        let records = log.rows.map { row in
            DemoRecord(time: row.written, line: row.values.map(render).joined(separator: "\t"), event: row.event)
        }
        return DemoFile(
            path: path, format: "zeek-tsv", summary: summary, header: header, records: records,
            trailer: ["#close\t\(closed.zeekHeader)"]
        )
    }

    private static func render(_ value: ZeekValue) -> String {
        switch value {
        case .unset: "-"
        case .string(let text): escaped(text)
        case .count(let number): String(number)
        case .time(let time): time.zeekEpoch
        case .interval(let seconds): ZeekValue.sixDecimals(seconds)
        case .bool(let flag): flag ? "T" : "F"
        case .set(let elements): elements.isEmpty ? "(empty)" : elements.map(escaped).joined(separator: ",")
        }
    }

    /// Zeek's ASCII escaping: `\` doubled, bytes outside printable ASCII as `\xNN`.
    private static func escaped(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): output += "\\\\"
            case 0x20..<0x7F: output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16)
                output += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return output
    }
}
