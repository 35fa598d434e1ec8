extension ZeekTSVHeader {
    /// The rejection of a row without a `ts` value.
    static let missingTimestampReason = "zeek row has no ts value"

    /// Walks a data row's columns up to the last mapped one and hands every set value of a mapped
    /// column to `visit`, raw (escapes kept), in column order. Returns the row's rejection: the
    /// first value `visit` rejects, or too few columns; nil when the row is well formed.
    @inline(__always)
    func forEachMappedValue(
        in line: LineBytes, columns: [ZeekField?],
        _ visit: (ZeekField, LineBytes) throws(FieldRejection) -> Void
    ) -> String? {
        let count = line.count
        var column = 0
        var start = 0
        while column <= lastMappedColumn {
            let end = ByteSearchKernel.index(of: separator, in: line, from: start)
            if let field = columns[column] {
                let value = line.extracting(start..<end)
                if !isAbsent(value) {
                    do {
                        try visit(field, value)
                    } catch {
                        return "zeek \(error.reason)"
                    }
                }
            }
            column += 1
            guard end < count else { break }
            start = end + 1
        }
        if column <= lastMappedColumn {
            return "zeek row has \(column) columns; #fields declares \(columns.count)"
        }
        return nil
    }
}
