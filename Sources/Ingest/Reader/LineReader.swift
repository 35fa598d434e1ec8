import Detection
import Foundation

/// The log formats smbtriage reads. The raw value is the name `--format` takes.
public enum LogFormat: String, CaseIterable, Sendable, Codable {
    case ecs
    case zeekTSV = "zeek-tsv"
    case zeekJSON = "zeek-json"
    case suricata
    case panos
    case sysmon
    /// A packet capture, pcap or pcapng (sniffed by its magic bytes, read through libpcap): its
    /// packets become flows (`CaptureIngestor`), not lines, so no `LineReader` reads it.
    case pcap
}

/// What a reader made of one line of input.
public enum LineOutcome: Sendable, Equatable {
    /// A network event, normalized to ECS.
    case event(NetworkEvent)
    /// A structural line that carries no record: a blank line, a Zeek `#fields` header, a comment.
    case structural
    /// A well-formed record that is not a network connection this tool reads (another Zeek log,
    /// a non-network Windows event, a Suricata `dns` event): counted, not an error.
    case skipped(reason: String)
    /// A malformed record; the reason is one clear sentence for `file:line: reason`.
    case rejected(reason: String)
}

/// Maps one log format to `NetworkEvent`, one line at a time. A reader may keep state across the
/// lines of one file (a Zeek TSV header, a PAN-OS column layout), so each file gets a new reader.
/// Its type is `SendableMetatype` because `LogIngestor` creates readers on its worker threads.
public protocol LineReader: SendableMetatype {
    /// The format this reader reads.
    static var format: LogFormat { get }
    /// True when the first lines of a file (at most 20, without terminators) look like this format.
    static func recognizes(_ sample: [String]) -> Bool
    init(options: ReaderOptions)
    /// Reads one line, without its line terminator. `number` is 1-based.
    mutating func read(line: LineBytes, number: Int) -> LineOutcome
    /// Reads one line for the ingest pipeline, which keeps SMB events only: the outcome of
    /// `read(line:number:)`, except that a valid event that is not SMB (`NetworkEvent.isSMB`)
    /// comes back as nil, so a reader may check the line without building the event.
    mutating func readKeepingSMB(line: LineBytes, number: Int) -> LineOutcome?
    /// A warning about the line just read that does not stop it from being read (a value the
    /// published rule can never match), handed over once; nil when there is none.
    mutating func takeWarning() -> String?
}

extension LineReader {
    /// Most readers have nothing to warn about.
    public mutating func takeWarning() -> String? { nil }

    /// Reads the whole event and drops it when it is not SMB. (The event is moved out of the
    /// outcome, not copied: a copy retains and releases every one of its strings and arrays.)
    public mutating func readKeepingSMB(line: LineBytes, number: Int) -> LineOutcome? {
        let outcome = read(line: line, number: number)
        switch consume outcome {
        case .event(let event): return event.isSMB ? .event(event) : nil
        case let other: return other
        }
    }
}

/// Settings that change how a reader interprets its input.
public struct ReaderOptions: Sendable, Equatable {
    /// The time zone of timestamps that carry none (PAN-OS writes the firewall's local time).
    public var timeZone: TimeZone

    public init(timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        self.timeZone = timeZone
    }
}
