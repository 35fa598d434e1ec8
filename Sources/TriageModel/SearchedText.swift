import Detection

/// What a `/` search of a paged list looks through in each row. The console searches the rows it
/// loaded with it, and the store numbers the whole list's matches with the same text in SQL
/// (`TriageRepository.historyPositions`, `connectionPositions`), so both find the same rows.
extension StoredFlow {
    /// A history row's: "8.8.8.8:445 zeek.connection".
    public var searchedText: String {
        "\(EndpointText.destination(event)) \(event.dataset ?? "")"
    }
}

extension ConnectionAlerts {
    /// A host's alert row's: "94+3 open 8.8.8.8:445 zeek.connection network_traffic.flow …reason".
    public var searchedText: String {
        "\(idText) \(status.rawValue) \(EndpointText.destination(flow.event)) \(sensors.joined(separator: " ")) \(reason)"
    }
}

extension HostSummary {
    /// A hosts-list row's: "10.20.3.47 FIN-WS-047".
    public var searchedText: String {
        "\(address) \(hostName ?? "")"
    }
}

/// A whole-list search as the store answers it, for the in-memory model and tests.
public enum ListSearch {
    /// The positions of `rows` whose searched text contains `text`, ignoring ASCII case as the
    /// store's `lower()` does (and nothing else: `%` and `_` are literal); none for an empty text.
    public static func positions<Row>(of rows: [Row], matching text: String, _ searched: (Row) -> String) -> [Int] {
        guard !text.isEmpty else { return [] }
        let wanted = asciiLowercased(text)
        return rows.indices.filter { asciiLowercased(searched(rows[$0])).contains(wanted) }
    }

    /// The text with A–Z lowered and everything else kept, as SQLite's `lower()` without ICU.
    static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }
}
