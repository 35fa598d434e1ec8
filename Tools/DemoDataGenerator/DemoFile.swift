/// One generated file: its path under the demo folder, the format name `smbtriage ingest --format`
/// takes, a one-line description for the README, and its lines.
struct DemoFile {
    var path: String
    var format: String
    var summary: String
    /// Lines before the records (a Zeek TSV header).
    var header: [String] = []
    /// Records, written in time order (ties keep their generation order).
    var records: [DemoRecord]
    /// Lines after the records (a Zeek `#close`).
    var trailer: [String] = []

    /// The file's text: every line ends with a newline.
    var contents: String {
        let ordered = records.enumerated()
            .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
            .map(\.element.line)
        return (header + ordered + trailer).map { $0 + "\n" }.joined()
    }
}
