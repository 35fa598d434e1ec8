import Detection

/// Exception items in words: `dst 8.8.8.8`, `src 10.1.2.3 and dst 8.8.8.0/24`.
enum ExceptionText {
    static func scope(_ item: ExceptionItem) -> String {
        item.entries.map(entry).joined(separator: " and ")
    }

    private static func entry(_ entry: ExceptionEntry) -> String {
        let field = switch entry.field {
        case "destination.ip": "dst"
        case "source.ip": "src"
        default: entry.field
        }
        let value = switch entry.value {
        case .match(let value): value
        case .matchAny(let values): "any of " + values.joined(separator: ", ")
        }
        return entry.operator == .included ? "\(field) \(value)" : "\(field) not \(value)"
    }
}
