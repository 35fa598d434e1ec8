/// The preset dictionary a stored original record was compressed against, named by the first
/// byte of its stored value (`StoredRecord`). Each log format has its own, made of real records
/// of that format (`RecordDictionaries`), so a record's keys and usual values cost a few bytes
/// each. A shipped dictionary never changes: a better one gets a new case.
enum RecordDictionary: UInt8, CaseIterable {
    /// No dictionary: a format without one.
    case none = 0
    case ecs = 1
    case zeekTSV = 2
    case zeekJSON = 3
    case suricata = 4
    case panos = 5
    case sysmon = 6
    case pcap = 7

    /// The dictionary for records of `format` (a `LogFormat` raw value).
    init(format: String) {
        switch format {
        case "ecs": self = .ecs
        case "zeek-tsv": self = .zeekTSV
        case "zeek-json": self = .zeekJSON
        case "suricata": self = .suricata
        case "panos": self = .panos
        case "sysmon": self = .sysmon
        case "pcap": self = .pcap
        default: self = .none
        }
    }

    /// The dictionary's bytes (empty for `none`).
    var bytes: [UInt8] { Self.contents[Int(rawValue)] }

    private static let contents: [[UInt8]] = allCases.map { dictionary in
        switch dictionary {
        case .none: []
        case .ecs: Array(RecordDictionaries.ecs.utf8)
        case .zeekTSV: Array(RecordDictionaries.zeekTSV.utf8)
        case .zeekJSON: Array(RecordDictionaries.zeekJSON.utf8)
        case .suricata: Array(RecordDictionaries.suricata.utf8)
        case .panos: Array(RecordDictionaries.panos.utf8)
        case .sysmon: Array(RecordDictionaries.sysmon.utf8)
        case .pcap: Array(RecordDictionaries.pcap.utf8)
        }
    }
}
