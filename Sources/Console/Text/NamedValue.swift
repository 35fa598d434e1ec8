import TriageModel

/// An enumerated value as people type it, on the command line and in the console's `:` commands:
/// its kebab-case name (`bytes-out`), the words the console shows (`bytes out`, `ack`) and short
/// forms, matched ignoring case, spaces, dashes and underscores.
public protocol NamedValue: CaseIterable {
    /// Every word accepted for the value; the first is its canonical kebab-case name.
    var names: [String] { get }
}

extension NamedValue {
    /// The canonical kebab-case name.
    public var name: String { names[0] }

    /// The value one of whose names `text` spells, or nil.
    public init?(name text: String) {
        let key = Self.folded(text)
        guard let match = Self.allCases.first(where: { $0.names.contains { Self.folded($0) == key } }) else {
            return nil
        }
        self = match
    }

    private static func folded(_ text: String) -> String {
        text.lowercased().filter { !" -_".contains($0) }
    }
}

extension HostSort: NamedValue {
    public var names: [String] {
        switch self {
        case .attention: ["attention"]
        case .bytesOut: ["bytes-out", "bytes"]
        case .lastSeen: ["last-seen", "seen", "last"]
        case .address: ["address", "ip"]
        case .destinations: ["destinations", "dest"]
        }
    }
}

extension AlertStatus: NamedValue {
    public var names: [String] {
        switch self {
        case .open: ["open"]
        case .acknowledged: ["acknowledged", "ack"]
        case .closed: ["closed"]
        }
    }
}
