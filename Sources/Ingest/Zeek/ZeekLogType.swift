/// The Zeek logs smbtriage reads, and the `event.dataset` Elastic's zeek integration gives each.
/// Every other log (`dns`, `http`, …) is recognized by name and skipped (`skipReason(forLog:)`).
enum ZeekLogType: Sendable {
    case connection
    case smbMapping
    case smbFiles
    case smbCommand

    /// The log type a Zeek path names (`conn`, `smb_mapping`, …); nil for the logs not read.
    init?(path: String) {
        switch path {
        case "conn": self = .connection
        case "smb_mapping": self = .smbMapping
        case "smb_files": self = .smbFiles
        case "smb_cmd": self = .smbCommand
        default: return nil
        }
    }

    /// `event.dataset`.
    var dataset: String {
        switch self {
        case .connection: "zeek.connection"
        case .smbMapping: "zeek.smb_mapping"
        case .smbFiles: "zeek.smb_files"
        case .smbCommand: "zeek.smb_cmd"
        }
    }

    /// The reason a record of a log not read is skipped: one string per log, so the ingest
    /// summary can count them (`zeek dns log is not read`). Names that are not plain identifiers,
    /// and records whose log cannot be told, share one reason.
    static func skipReason(forLog name: String?) -> String {
        guard let name, !name.isEmpty, name.utf8.count <= 32, name.utf8.allSatisfy({
            $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        }) else { return "zeek log of an unknown type is not read" }
        return "zeek \(name) log is not read"
    }
}

extension ZeekLogType {
    /// The log type a record's field names imply when nothing names it (a JSON line without
    /// `_path` or `@stream`, a TSV header without `#path`); nil when they fit no log read.
    /// `hasField` answers for dotted names (`id.orig_h`).
    init?(inferringFrom hasField: (String) -> Bool) {
        guard hasField("uid"), hasField("id.orig_h") else { return nil }
        if hasField("conn_state") || hasField("orig_ip_bytes") || hasField("history") {
            self = .connection
        } else if hasField("share_type") || hasField("native_file_system") {
            self = .smbMapping
        } else if hasField("action"), hasField("times.modified") || hasField("prev_name") {
            self = .smbFiles
        } else if hasField("command"), hasField("sub_command") {
            self = .smbCommand
        } else {
            return nil
        }
    }
}
