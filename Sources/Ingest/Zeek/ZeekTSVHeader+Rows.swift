extension ZeekTSVHeader {
    /// The rejection of a row without a `ts` value.
    static let missingTimestampReason = "zeek row has no ts value"

    /// Walks a data row's columns up to the last mapped one and hands every set value of a mapped
    /// column to `visit`, raw (escapes kept), in column order. Returns the row's rejection: the
    /// first value `visit` rejects, or too few columns; nil when the row is well formed.
    @inline(__always)
    func forEachMappedValue(
        in line: UnsafeBufferPointer<UInt8>, columns: [ZeekField?],
        _ visit: (ZeekField, UnsafeBufferPointer<UInt8>) throws(FieldRejection) -> Void
    ) -> String? {
        let count = line.count
        var column = 0
        var start = 0
        while column <= lastMappedColumn {
            let end = Self.index(of: separator, in: line, from: start)
            if let field = columns[column] {
                let value = UnsafeBufferPointer(rebasing: line[start..<end])
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
