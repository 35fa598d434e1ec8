import Foundation

/// Kibana's exception list export format (NDJSON): a list line, one line per item, a summary
/// line. smbtriage writes it for `exceptions export` and reads it for `exceptions import`.
public enum KibanaExceptionList {
    /// The export of `items` as one list `listID`, newline-terminated.
    public static func export(_ items: [ExceptionItem], listID: String, now: Date) -> String {
        var lines = [encode(KibanaListDocument(listID: listID, now: now))]
        lines += items.map { encode(KibanaItemDocument($0, listID: listID)) }
        lines.append(encode(KibanaExportSummary(
            exportedExceptionListCount: 1, exportedExceptionListItemCount: items.count,
            missingExceptionListItemCount: 0, missingExceptionListItems: [],
            missingExceptionLists: [], missingExceptionListsCount: 0)))
        return lines.joined(separator: "\n") + "\n"
    }

    /// An item of an export and the line it was read from.
    public struct ParsedItem: Hashable, Sendable {
        /// The 1-based line number.
        public let line: Int
        public let item: ExceptionItem
    }

    /// The items of an export (of any number of lists), with their lines. Blank lines are skipped;
    /// an unreadable line, an entry type smbtriage does not evaluate, an item the detector cannot
    /// evaluate (`ExceptionItem.validate`: a value that is no IP address on an `ip` field, …), or a
    /// summary whose item count disagrees with the items read throws an error naming the line.
    public static func parse(_ text: String) throws(KibanaExceptionListError) -> [ParsedItem] {
        var items: [ParsedItem] = []
        let decoder = jsonDecoder
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            let data = Data(trimmed.utf8)
            func decode<Document: Decodable>(_ type: Document.Type) throws(KibanaExceptionListError) -> Document {
                do {
                    return try decoder.decode(type, from: data)
                } catch {
                    throw KibanaExceptionListError(line: number, reason: reason(error))
                }
            }
            let kind = try decode(KibanaLineKind.self)
            if let count = kind.exportedExceptionListCount {
                let summary = try decode(KibanaExportSummary.self)
                guard summary.exportedExceptionListItemCount == items.count else {
                    throw KibanaExceptionListError(line: number, reason: "the summary counts "
                        + "\(summary.exportedExceptionListItemCount) items (in \(count) lists) but "
                        + "\(items.count) were read: the export is incomplete")
                }
            } else if kind.itemId != nil {
                let document = try decode(KibanaItemDocument.self)
                let item: ExceptionItem
                do {
                    item = try document.item()
                } catch {
                    throw KibanaExceptionListError(line: number, reason: error.reason)
                }
                do {
                    try item.validate()
                } catch {
                    throw KibanaExceptionListError(line: number, reason: error.description)
                }
                items.append(ParsedItem(line: number, item: item))
            } else if kind.listId == nil {
                throw KibanaExceptionListError(line: number, reason: "neither a list, an item nor a summary")
            }
        }
        return items
    }

    /// Exception entries as Kibana's `entries` JSON array (how the store keeps them).
    public static func entriesJSON(_ entries: [ExceptionEntry]) -> String {
        encode(entries.map(KibanaEntryDocument.init))
    }

    /// The entries of an `entriesJSON(_:)` text.
    public static func entries(json: String) throws(KibanaExceptionListError) -> [ExceptionEntry] {
        do {
            return try jsonDecoder.decode([KibanaEntryDocument].self, from: Data(json.utf8)).map { document in
                try document.entry()
            }
        } catch let problem as KibanaEntryProblem {
            throw KibanaExceptionListError(line: 1, reason: problem.reason)
        } catch {
            throw KibanaExceptionListError(line: 1, reason: reason(error))
        }
    }

    /// Kibana's snake_case keys map to the documents' camelCase properties.
    private static var jsonDecoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    private static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain documents cannot fail.
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }

    /// A one-line reason for a JSON decoding failure.
    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _):
            "the key \"\(key.stringValue)\" is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type"
        case DecodingError.dataCorrupted:
            "not valid JSON"
        default:
            "not readable (\(error))"
        }
    }
}
