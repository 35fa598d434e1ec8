/// Renders a Zeek log as `LogAscii::use_json=T` writes it: one flat object per row with dotted
/// keys, `ts` as epoch seconds, unset fields and empty sets left out.
enum ZeekJSONWriter {
    static func file(_ log: ZeekLog, path: String, summary: String) -> DemoFile {
        let records = log.rows.map { row in
            let members = zip(log.fields, row.values).compactMap { field, value in
                render(value).map { (field.name, $0) }
            }
            return DemoRecord(time: row.written, line: JSONValue.object(members).serialized, event: row.event)
        }
        return DemoFile(path: path, format: "zeek-json", summary: summary, records: records)
    }

    private static func render(_ value: ZeekValue) -> JSONValue? {
        switch value {
        case .unset: nil
        case .string(let text): .string(text)
        case .count(let number): .int(number)
        case .time(let time): .number(time.zeekEpoch)
        case .interval(let seconds): .number(ZeekValue.sixDecimals(seconds))
        case .bool(let flag): .bool(flag)
        case .set(let elements): elements.isEmpty ? nil : .array(elements.map(JSONValue.string))
        }
    }
}
