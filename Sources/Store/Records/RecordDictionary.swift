import CZstd
import Foundation

/// The zstd dictionary a stored original record was compressed against, named by the first byte
/// of its stored value (`StoredRecord`). Each log format has its own, made from real records of
/// that format (`RecordDictionaries`), so a record's keys and usual values cost a few bits each.
/// A shipped dictionary never changes: a better one gets a new case.
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

    /// The dictionary digested for compression at `RecordCompressor.level` (nil for `none`).
    var compressionDictionary: OpaquePointer? { DigestedDictionaries.compression[Int(rawValue)] }

    /// The dictionary digested for decompression (nil for `none`).
    var decompressionDictionary: OpaquePointer? { DigestedDictionaries.decompression[Int(rawValue)] }

    /// The dictionary's bytes (empty for `none`).
    fileprivate var bytes: Data {
        let base64 = switch self {
        case .none: ""
        case .ecs: RecordDictionaries.ecs
        case .zeekTSV: RecordDictionaries.zeekTSV
        case .zeekJSON: RecordDictionaries.zeekJSON
        case .suricata: RecordDictionaries.suricata
        case .panos: RecordDictionaries.panos
        case .sysmon: RecordDictionaries.sysmon
        case .pcap: RecordDictionaries.pcap
        }
        // The generated literals are valid base64 (RecordDictionaryTests reads every one).
        return Data(base64Encoded: base64)!
    }
}

/// Every `RecordDictionary` digested once per process, for compression (ingest) and for
/// decompression (reads) apart, so a command digests only what it uses. zstd never changes a
/// digested dictionary after making it, and any number of contexts on any threads may use one at
/// once, so sharing them is safe; they live as long as the process.
private enum DigestedDictionaries {
    nonisolated(unsafe) static let compression: [OpaquePointer?] = RecordDictionary.allCases.map(\.bytes).map { bytes in
        bytes.isEmpty ? nil : bytes.withUnsafeBytes { ZSTD_createCDict($0.baseAddress, $0.count, RecordCompressor.level) }
    }

    nonisolated(unsafe) static let decompression: [OpaquePointer?] = RecordDictionary.allCases.map(\.bytes).map { bytes in
        bytes.isEmpty ? nil : bytes.withUnsafeBytes { ZSTD_createDDict($0.baseAddress, $0.count) }
    }
}
