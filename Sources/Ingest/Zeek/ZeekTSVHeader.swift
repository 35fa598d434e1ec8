/// What a Zeek TSV file's `#` lines declare for the rows that follow: the separator, the unset
/// and empty markers, the log type (`#path`) and the columns (`#fields`).
///
/// `#set_separator` only matters for set and vector columns; none of the mapped fields is one,
/// so it is accepted and not kept. `#open`, `#close`, `#types` and unknown `#` lines carry nothing
/// the mapping needs.
struct ZeekTSVHeader {
    var separator = UInt8(ascii: "\t")
    var unsetField: [UInt8] = Array("-".utf8)
    var emptyField: [UInt8] = Array("(empty)".utf8)
    /// From `#path`; inferred from the column names when the header has no `#path`.
    var logType: ZeekLogType?
    /// Set instead of `logType` when the header declares a log that is not read.
    var skipReason: String?
    /// The mapped field of each column, nil for columns the mapping ignores; nil before `#fields`.
    var columns: [ZeekField?]?
    /// The index of the last mapped column: a row is read up to there and no further.
    var lastMappedColumn = -1

    /// Applies one header line (it starts with `#`). A `#separator` line starts a new header,
    /// as Zeek writes one when a log is appended to or several logs are concatenated.
    mutating func apply(_ line: LineBytes) -> LineOutcome {
        if line.starts(with: "#separator ".utf8) {
            let value = ZeekTSVEscaping.unescaped(line.extracting(droppingFirst: 11))
            guard value.count == 1 else {
                return .rejected(reason: "zeek #separator \(LogText.quoted(line)) is not a single byte")
            }
            self = ZeekTSVHeader()
            separator = value[0]
            return .structural
        }
        let parts = line.split(separator: separator, omittingEmptySubsequences: false)
        let key = parts[0]
        let values = parts.dropFirst().map { line.extracting($0.indices) }
        switch String(decoding: line.extracting(key.indices), as: UTF8.self) {
        case "#unset_field":
            if let value = values.first { unsetField = Array(value) }
        case "#empty_field":
            if let value = values.first { emptyField = Array(value) }
        case "#path":
            guard let value = values.first else { return .rejected(reason: "zeek #path names no log") }
            let path = ZeekTSVEscaping.text(value)
            logType = ZeekLogType(path: path)
            skipReason = logType == nil ? ZeekLogType.skipReason(forLog: path) : nil
        case "#fields":
            return declareColumns(values.map(ZeekTSVEscaping.text))
        default:
            break
        }
        return .structural
    }

    private mutating func declareColumns(_ names: [String]) -> LineOutcome {
        guard names.contains("ts") else { return .rejected(reason: "zeek #fields has no ts column") }
        let fields = names.map(ZeekField.init(name:))
        columns = fields
        lastMappedColumn = fields.lastIndex { $0 != nil } ?? -1
        if logType == nil, skipReason == nil {
            let declared = Set(names)
            logType = ZeekLogType { declared.contains($0) }
            if logType == nil { skipReason = ZeekLogType.skipReason(forLog: nil) }
        }
        return .structural
    }

    /// True when a column holds the unset or the empty marker: the value is absent.
    @inline(__always)
    func isAbsent(_ value: LineBytes) -> Bool {
        value.withSpan { Self.equal($0, unsetField) || Self.equal($0, emptyField) }
    }

    @inline(__always)
    private static func equal(_ value: Span<UInt8>, _ marker: [UInt8]) -> Bool {
        value.equals(marker.span)
    }
}
