import Detection

/// Reads Zeek's tab-separated logs (`conn`, `smb_mapping`, `smb_files`, `smb_cmd`; other logs are
/// skipped by name). Columns come from `#fields`, never from position, so added columns
/// (`community_id`, `ip_proto`, Stratosphere labels) and reordered ones read the same.
///
/// The row path decodes numbers, ports and addresses straight from the line's bytes and builds a
/// `String` only for the few string columns mapped (`uid`, `service`, `conn_state`, …); it stops at
/// the last mapped column.
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
        return decodeRow(line, columns: columns, logType: logType)
    }

    /// The event of one row, or its rejection. (It builds the outcome itself: returning the event
    /// to wrap it would copy the large value once more per row.)
    @inline(__always)
    private mutating func decodeRow(
        _ line: UnsafeBufferPointer<UInt8>, columns: [ZeekField?], logType: ZeekLogType
    ) -> LineOutcome {
        var mapper = ZeekRecordMapper(logType: logType)
        var event = mapper.template
        let separator = header.separator
        let lastMapped = header.lastMappedColumn
        let count = line.count
        var column = 0
        var start = 0
        while column <= lastMapped {
            let end = Self.index(of: separator, in: line, from: start)
            if let field = columns[column] {
                let value = UnsafeBufferPointer(rebasing: line[start..<end])
                if !header.isAbsent(value) {
                    do {
                        try mapper.assign(field, bytes: value, text: { ZeekTSVEscaping.text(value) }, into: &event,
                                           addresses: &addresses)
                    } catch {
                        return .rejected(reason: "zeek \(error.reason)")
                    }
                }
            }
            column += 1
            guard end < count else { break }
            start = end + 1
        }
        if column <= lastMapped {
            return .rejected(reason: "zeek row has \(column) columns; #fields declares \(columns.count)")
        }
        guard mapper.finish(&event) else { return .rejected(reason: "zeek row has no ts value") }
        return .event(event)
    }

    /// The index of the first `separator` at or after `start`, or the line's end. Eight bytes at a
    /// time: a column is a few bytes, so one word usually holds its end.
    @inline(__always)
    static func index(of separator: UInt8, in line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = line.count
        guard let base = line.baseAddress else { return count }
        let pattern = UInt64(separator) &* 0x0101_0101_0101_0101
        var index = start
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self).littleEndian ^ pattern
            let zeroBytes = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
            if zeroBytes != 0 { return index + zeroBytes.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < count, base[index] != separator { index += 1 }
        return index
    }
}
