import Foundation

/// The per-file counts table of demo-data/README.md, read back so the tests can hold the committed
/// files to what the README promises.
struct ReadmeCountsTable {
    struct Row: Equatable {
        var path: String
        var format: String
        var records: Int
        var events: Int
        var smbEvents: Int
        var keptEvents: Int
        var alerts: Int
    }

    static let header = "| file | format | records | network events | SMB events | kept SMB events | alerts |"

    var rows: [Row]

    /// Parses the rows between the table's header and its `**total**` line.
    init(readme: String) throws {
        let lines = readme.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: Self.header) else { throw TableError.missingHeader }
        rows = try lines[(start + 2)...].prefix { $0.hasPrefix("| `") }.map { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let numbers = cells.dropFirst(2).compactMap { Int($0) }
            guard cells.count == 7, numbers.count == 5 else { throw TableError.malformedRow(line) }
            return Row(
                path: cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")), format: cells[1],
                records: numbers[0], events: numbers[1], smbEvents: numbers[2], keptEvents: numbers[3], alerts: numbers[4]
            )
        }
    }

    enum TableError: Error {
        case missingHeader
        case malformedRow(String)
    }
}
