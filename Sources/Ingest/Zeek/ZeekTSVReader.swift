import Detection

/// Reads Zeek's tab-separated logs (`conn`, `smb_mapping`, `smb_files`, `smb_cmd`; other logs are
/// skipped by name). Columns come from `#fields`, never from position, so added columns
/// (`community_id`, `ip_proto`, Stratosphere labels) and reordered ones read the same.
///
/// The row path decodes numbers, ports and addresses straight from the line's bytes and builds a
/// `String` only for the few string columns mapped (`uid`, `service`, `conn_state`, …); it stops at
/// the last mapped column. `readKeepingSMB`, the pipeline's path, walks a row the same way but
/// only checks its values (`ZeekSMBEvidence`) and builds the event for SMB rows alone.
///
/// Its state is the header: the `#` lines since the last `#separator`, so `LogIngestor` parses a
/// file's chunks on several threads (`HeaderStatefulLineReader`).
public struct ZeekTSVReader: HeaderStatefulLineReader {
    /// `.zeekTSV`.
    public static let format = LogFormat.zeekTSV
    /// `#`: every header line starts with it (`ZeekTSVHeader.apply`), no row does.
    public static let headerLineMarker = UInt8(ascii: "#")

    private var header = ZeekTSVHeader()
    private var addresses = AddressArrayCache()

    /// A reader for one file. The options change nothing: Zeek TSV times are epoch seconds.
    public init(options: ReaderOptions) {}

    /// A Zeek TSV log starts with its header: `#separator`, or at least a `#fields` line.
    public static func recognizes(_ sample: [String]) -> Bool {
        sample.contains { line in
            let text = line.hasPrefix("\u{FEFF}") ? line.dropFirst() : Substring(line)
            return text.hasPrefix("#separator ") || text.hasPrefix("#fields\t")
        }
    }

    /// One line's outcome: an event, a skip with its reason, a structural line or a rejection.
    public mutating func read(line rawLine: LineBytes, number: Int) -> LineOutcome {
        switch classify(rawLine, number: number) {
        case .finished(let outcome): outcome
        case .row(let line, let columns, let logType): decodeRow(line, columns: columns, logType: logType)
        }
    }

    /// `read`, except that a row that is not SMB comes back as nil: its columns are checked as
    /// `read` checks them (the same rejections, in the same order), but no event is built.
    public mutating func readKeepingSMB(line rawLine: LineBytes, number: Int) -> LineOutcome? {
        switch classify(rawLine, number: number) {
        case .finished(let outcome):
            return outcome
        case .row(let line, let columns, let logType):
            // An smb_* record is SMB by its log type: decode it at once, as `read` does.
            guard logType == .connection else { return decodeRow(line, columns: columns, logType: logType) }
            var evidence = ZeekSMBEvidence(logType: logType)
            let rejection = header.forEachMappedValue(in: line, columns: columns) { field, value throws(FieldRejection) in
                try evidence.note(field, bytes: value, text: { ZeekTSVEscaping.text(value) })
            }
            if let rejection { return .rejected(reason: rejection) }
            guard evidence.hasTimestamp else { return .rejected(reason: ZeekTSVHeader.missingTimestampReason) }
            return evidence.isSMB ? decodeRow(line, columns: columns, logType: logType) : nil
        }
    }

    /// A line as the header sees it: a data row to decode, or the outcome of any other line.
    private enum ClassifiedLine {
        case row(LineBytes, columns: [ZeekField?], logType: ZeekLogType)
        case finished(LineOutcome)
    }

    /// Applies a header line, or finds the row's columns and log type.
    @inline(__always)
    private mutating func classify(_ rawLine: LineBytes, number: Int) -> ClassifiedLine {
        let line = number == 1 ? rawLine.droppingByteOrderMark : rawLine
        guard let first = line.first else { return .finished(.structural) }
        if first == UInt8(ascii: "#") {
            return .finished(header.apply(line))
        }
        guard let columns = header.columns else {
            if line.isBlank { return .finished(.structural) }
            return .finished(.rejected(reason: "zeek data row before any #fields header"))
        }
        guard let logType = header.logType else {
            return .finished(.skipped(reason: header.skipReason ?? ZeekLogType.skipReason(forLog: nil)))
        }
        return .row(line, columns: columns, logType: logType)
    }

    /// The event of one row, or its rejection. (It builds the outcome itself: returning the event
    /// to wrap it would copy the large value once more per row.)
    @inline(__always)
    private mutating func decodeRow(
        _ line: LineBytes, columns: [ZeekField?], logType: ZeekLogType
    ) -> LineOutcome {
        var mapper = ZeekRecordMapper(logType: logType)
        var event = mapper.template
        let rejection = header.forEachMappedValue(in: line, columns: columns) { field, value throws(FieldRejection) in
            try mapper.assign(field, bytes: value, text: { ZeekTSVEscaping.text(value) }, into: &event,
                              addresses: &addresses)
        }
        if let rejection { return .rejected(reason: rejection) }
        guard mapper.finish(&event) else { return .rejected(reason: ZeekTSVHeader.missingTimestampReason) }
        return .event(consume event)
    }
}
