/// A reader whose only state across lines is what its header lines declared (Zeek TSV: the `#`
/// lines, a new `#separator` starting a new header). Data lines never change that state, so a copy
/// of the reader taken after the header lines before a line reads it exactly as the reader that
/// read every line before it. `LogIngestor` therefore parses such a file in chunks on several
/// threads: the cutting thread reads each chunk's header lines with one reader, and every chunk
/// starts from a copy of that reader as it stood at the chunk's start (hence `Sendable`).
public protocol HeaderStatefulLineReader: LineReader, Sendable {
    /// The first byte of every header line; a line that starts with another byte changes nothing.
    static var headerLineMarker: UInt8 { get }
}
