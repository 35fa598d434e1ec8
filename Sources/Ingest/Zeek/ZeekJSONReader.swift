import Detection

/// Reads Zeek's JSON logs in every dialect seen in public data: `LogAscii::use_json` (flat dotted
/// keys, epoch `ts`), json-streaming-logs (`_path`, ISO `ts`), OTRF's underscore keys with
/// `@stream` (several logs interleaved in one file), and nested objects after an Elasticsearch
/// export (`{"id":{"orig_h":…}}`, which `FlatJSONObject` resolves as `id.orig_h`).
///
/// The log type comes from `_path` or `@stream`, else from the fields present. Mapping and skip
/// rules are the TSV reader's (`ZeekRecordMapper`).
public struct ZeekJSONReader: StatelessLineReader {
    public static let format = LogFormat.zeekJSON

    private var addresses = AddressArrayCache()

    public init(options: ReaderOptions) {}

    /// The first JSON object names a Zeek stream (`_path`, `@stream`) or has Zeek's `ts`, `uid`
    /// and connection id.
    public static func recognizes(_ sample: [String]) -> Bool {
        for line in sample {
            let object: FlatJSONObject
            do {
                object = try line.withASCIIBytes { bytes throws(JSONSyntaxError) in
                    try FlatJSONObject(parsing: bytes.droppingByteOrderMark)
                }
            } catch {
                continue
            }
            let record = ZeekJSONRecord(object)
            return record.has("ts") && (record.streamName != nil || record.has("uid") && record.has("id.orig_h"))
        }
        return false
    }

    public mutating func read(line rawLine: UnsafeBufferPointer<UInt8>, number: Int) -> LineOutcome {
        let line = number == 1 ? rawLine.droppingByteOrderMark : rawLine
        if line.isBlank { return .structural }
        let object: FlatJSONObject
        do {
            object = try FlatJSONObject(parsing: line)
        } catch {
            return .rejected(reason: "zeek JSON: \(error)")
        }
        let json = ZeekJSONRecord(object)
        let streamName = json.streamName
        let logType = streamName.map { ZeekLogType(path: $0) } ?? ZeekLogType(inferringFrom: json.has)
        guard let logType else { return .skipped(reason: ZeekLogType.skipReason(forLog: streamName)) }
        var mapper = ZeekRecordMapper(logType: logType)
        var event = mapper.template
        for field in ZeekField.allCases {
            guard let value = json.value(field) else { continue }
            do {
                try value.withASCIIBytes { bytes throws(FieldRejection) in
                    try mapper.assign(field, bytes: bytes, text: { value }, into: &event, addresses: &addresses)
                }
            } catch {
                return .rejected(reason: "zeek \(error.reason)")
            }
        }
        event.observerHostName = json.sensor
        guard mapper.finish(&event) else { return .rejected(reason: "zeek record has no ts value") }
        return .event(event)
    }
}

/// A Zeek JSON line, read through both key spellings (`id.orig_h` and `id_orig_h`).
private struct ZeekJSONRecord {
    let object: FlatJSONObject

    init(_ object: FlatJSONObject) { self.object = object }

    /// `_path` (json-streaming-logs) or `@stream` (OTRF).
    var streamName: String? { object.string("_path") ?? object.string("@stream") }

    /// The sensor host, `@system` in OTRF's logs.
    var sensor: String? { object.string("@system") }

    /// True when the dotted name or its underscore form is present.
    func has(_ dottedName: String) -> Bool {
        if !object.values(dottedName).isEmpty { return true }
        guard dottedName.contains(".") else { return false }
        return !object.values(String(dottedName.map { $0 == "." ? "_" : $0 })).isEmpty
    }

    /// The first value of a field in either spelling; empty strings count as unset.
    func value(_ field: ZeekField) -> String? {
        let value = object.string(field.name) ?? object.string(field.underscoredName)
        return value?.isEmpty == false ? value : nil
    }
}
