import Detection

/// Reads Zeek's tab-separated logs (`conn`, `smb_mapping`, `smb_files`, `smb_cmd`; other logs are
/// skipped by name). Columns come from `#fields`, never from position, so added columns
/// (`community_id`, `ip_proto`, Stratosphere labels) and reordered ones read the same.
///
/// The row path decodes numbers, ports and addresses straight from the line's bytes and builds a
/// `String` only for the few string columns mapped (`uid`, `service`, `conn_state`, …); it stops at
/// the last mapped column.
public struct ZeekTSVReader: LineReader {
    public static let format = LogFormat.zeekTSV

    private var header = ZeekTSVHeader()

    public init(options: ReaderOptions) {}

    /// A Zeek TSV log starts with its header: `#separator`, or at least a `#fields` line.
    public static func recognizes(_ sample: [String]) -> Bool {
        sample.contains { line in
            let text = line.hasPrefix("\u{FEFF}") ? line.dropFirst() : Substring(line)
            return text.hasPrefix("#separator ") || text.hasPrefix("#fields\t")
        }
    }

    public mutating func read(line rawLine: UnsafeBufferPointer<UInt8>, number: Int) -> LineOutcome {
        let line = number == 1 ? rawLine.droppingByteOrderMark : rawLine
        guard let first = line.first else { return .structural }
        if first == UInt8(ascii: "#") {
            return header.apply(line)
        }
        guard let columns = header.columns else {
            if line.isBlank { return .structural }
            return .rejected(reason: "zeek data row before any #fields header")
        }
        guard let logType = header.logType else {
            return .skipped(reason: header.skipReason ?? ZeekLogType.skipReason(forLog: nil))
        }
        var failure: RowError?
        guard let event = decodeRow(line, columns: columns, logType: logType, failure: &failure) else {
            return .rejected(reason: failure?.reason ?? "zeek row is malformed")
        }
        return .event(event)
    }

    private enum RowError: Error {
        case field(ZeekFieldError)
        case short(columns: Int, declared: Int)
        case missingTimestamp

        var reason: String {
            switch self {
            case .field(let error): "zeek \(error.reason)"
            case .short(let columns, let declared): "zeek row has \(columns) columns; #fields declares \(declared)"
            case .missingTimestamp: "zeek row has no ts value"
            }
        }
    }

    /// The event of one row, or nil with `failure` set.
    private func decodeRow(
        _ line: UnsafeBufferPointer<UInt8>, columns: [ZeekField?], logType: ZeekLogType,
        failure: inout RowError?
    ) -> NetworkEvent? {
        var mapper = ZeekRecordMapper(logType: logType)
        var event = mapper.template
        let separator = header.separator
        let lastMapped = header.lastMappedColumn
        let count = line.count
        var column = 0
        var start = 0
        while column <= lastMapped {
            var end = start
            while end < count, line[end] != separator { end += 1 }
            if let field = columns[column] {
                let value = UnsafeBufferPointer(rebasing: line[start..<end])
                if !header.isAbsent(value) {
                    do {
                        try mapper.assign(field, bytes: value, text: { ZeekTSVEscaping.text(value) }, into: &event)
                    } catch {
                        failure = .field(error)
                        return nil
                    }
                }
            }
            column += 1
            guard end < count else { break }
            start = end + 1
        }
        if column <= lastMapped {
            failure = .short(columns: column, declared: columns.count)
            return nil
        }
        guard mapper.finish(&event) else {
            failure = .missingTimestamp
            return nil
        }
        return event
    }
}
