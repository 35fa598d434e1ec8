import Detection

/// Reads Zeek's JSON logs in every dialect seen in public data: `LogAscii::use_json` (flat dotted
/// keys, epoch `ts`), json-streaming-logs (`_path`, ISO `ts`), OTRF's underscore keys with
/// `@stream` (several logs interleaved in one file), and nested objects after an Elasticsearch
/// export (`{"id":{"orig_h":…}}`, which `FlatJSONObject` resolves as `id.orig_h`).
///
/// The log type comes from `_path` or `@stream`, else from the fields present. Mapping and skip
/// rules are the TSV reader's (`ZeekRecordMapper`); values are decoded from the JSON bytes.
public struct ZeekJSONReader: StatelessLineReader {
    /// `.zeekJSON`.
    public static let format = LogFormat.zeekJSON

    private typealias Key = FlatJSONObject.Key
    private static let path = Key("_path")
    private static let stream = Key("@stream")
    private static let sensor = Key("@system")
    private static let timestamp = Key("ts")
    /// Each mapped field's keys: the dotted name, then the underscore form when it differs.
    private static let fieldKeys: [(field: ZeekField, keys: [Key])] = ZeekField.allCases.map { field in
        (field, field.name.contains(".") ? [Key(field.name), Key(field.underscoredName)] : [Key(field.name)])
    }

    private var object = FlatJSONObject()
    private var addresses = AddressArrayCache()

    /// A reader for one file. The options change nothing: Zeek JSON times carry their zone.
    public init(options: ReaderOptions) {}

    /// Most sampled JSON objects have Zeek's `ts` and name a Zeek stream (`_path`, `@stream`) or
    /// have Zeek's `uid` and connection id.
    public static func recognizes(_ sample: [String]) -> Bool {
        FlatJSONObject.mostObjects(in: sample) { object in
            object.contains(timestamp)
                && (object.contains(path) || object.contains(stream) || has("uid", in: object) && has("id.orig_h", in: object))
        }
    }

    /// One line's outcome: an event, a skip with its reason, a structural line or a rejection.
    public mutating func read(line rawLine: LineBytes, number: Int) -> LineOutcome {
        switch classify(rawLine, number: number) {
        case .finished(let outcome): outcome
        case .record(let logType): decodeRecord(logType)
        }
    }

    /// `read`, except that a record that is not SMB comes back as nil: its fields are checked as
    /// `read` checks them (the same rejections, in the same order), but no event is built.
    public mutating func readKeepingSMB(line rawLine: LineBytes, number: Int) -> LineOutcome? {
        switch classify(rawLine, number: number) {
        case .finished(let outcome):
            return outcome
        case .record(let logType):
            // An smb_* record is SMB by its log type: decode it at once, as `read` does.
            guard logType == .connection else { return decodeRecord(logType) }
            var evidence = ZeekSMBEvidence(logType: logType)
            let rejection = forEachMappedValue { field, bytes throws(FieldRejection) in
                try evidence.note(field, bytes: bytes, text: { String(decoding: bytes, as: UTF8.self) })
            }
            if let rejection { return .rejected(reason: rejection) }
            guard evidence.hasTimestamp else { return .rejected(reason: Self.missingTimestampReason) }
            return evidence.isSMB ? decodeRecord(logType) : nil
        }
    }

    private static let missingTimestampReason = "zeek record has no ts value"
    private static let foreignObjectReason = "JSON object is no zeek record (no _path, @stream or ts)"

    /// A line parsed into `object`: a record of a log type read, or the outcome of any other line.
    private enum ClassifiedLine {
        case record(ZeekLogType)
        case finished(LineOutcome)
    }

    /// Parses the line and finds the record's log type.
    private mutating func classify(_ rawLine: LineBytes, number: Int) -> ClassifiedLine {
        if let outcome = object.parseLogLine(rawLine, number: number, format: "zeek JSON") { return .finished(outcome) }
        let streamName = object.string(Self.path) ?? object.string(Self.stream)
        let inferred = streamName == nil ? ZeekLogType { [object] name in Self.has(name, in: object) } : nil
        guard let logType = streamName.map({ ZeekLogType(path: $0) }) ?? inferred else {
            // Zeek writes `ts` in every log: an object without it or a stream name is no Zeek record.
            guard streamName != nil || object.contains(Self.timestamp) else {
                return .finished(.rejected(reason: Self.foreignObjectReason))
            }
            return .finished(.skipped(reason: ZeekLogType.skipReason(forLog: streamName)))
        }
        return .record(logType)
    }

    /// The event of the record in `object`, or its rejection.
    private mutating func decodeRecord(_ logType: ZeekLogType) -> LineOutcome {
        var mapper = ZeekRecordMapper(logType: logType)
        var event = mapper.template
        let rejection = forEachMappedValue { field, bytes throws(FieldRejection) in
            try mapper.assign(
                field, bytes: bytes, text: { String(decoding: bytes, as: UTF8.self) }, into: &event, addresses: &addresses
            )
        }
        if let rejection { return .rejected(reason: rejection) }
        event.observerHostName = object.string(Self.sensor)
        guard mapper.finish(&event) else { return .rejected(reason: Self.missingTimestampReason) }
        return .event(event)
    }

    /// Hands the value of every mapped field present and set in `object` to `visit`, in
    /// `ZeekField` order. Returns the first rejection `visit` throws, or nil.
    private func forEachMappedValue(
        _ visit: (ZeekField, LineBytes) throws(FieldRejection) -> Void
    ) -> String? {
        do {
            for (field, keys) in Self.fieldKeys {
                guard let key = keys.first(where: object.contains) else { continue }
                try object.withFirstValue(key) { bytes, _ throws(FieldRejection) in
                    // Zeek omits unset fields; an empty string is unset too.
                    guard !bytes.isEmpty else { return }
                    try visit(field, bytes)
                }
            }
        } catch {
            return "zeek \(error.reason)"
        }
        return nil
    }

    /// True when the dotted name or its underscore form is present.
    private static func has(_ dottedName: String, in object: FlatJSONObject) -> Bool {
        object.contains(Key(dottedName))
            || dottedName.contains(".") && object.contains(Key(String(dottedName.map { $0 == "." ? "_" : $0 })))
    }
}
