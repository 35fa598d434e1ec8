extension FlatJSONObject {
    /// Parses one line of a JSON log into this object, as the Zeek JSON, Suricata and Sysmon
    /// readers do: a byte-order mark on line 1 is dropped, a blank line is structural, and a line
    /// that is no JSON object is rejected with `format` naming the log. Nil when the object now
    /// holds the line's record.
    mutating func parseLogLine(_ rawLine: LineBytes, number: Int, format: String) -> LineOutcome? {
        let line = number == 1 ? rawLine.droppingByteOrderMark : rawLine
        if line.isBlank { return .structural }
        do {
            try reparse(line)
        } catch {
            return .rejected(reason: "\(format): \(error)")
        }
        return nil
    }
}
