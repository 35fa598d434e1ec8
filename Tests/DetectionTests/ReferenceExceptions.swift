@testable import Detection

/// A plain, independent reading of exception items: a linear scan in list order, every entry
/// checked with straightforward Swift against the event's fields.
struct ReferenceExceptions {
    private struct Entry {
        let field: String
        let isIncluded: Bool
        let values: [String]
        /// Each value read as a CIDR block once, up front (nil when it is not one).
        let prefixes: [IPPrefix?]
    }

    private let items: [(id: String, entries: [Entry])]

    init(_ items: [ExceptionItem]) {
        self.items = items.map { item in
            (item.id, item.entries.map { entry in
                let values: [String] = switch entry.value {
                case .match(let value): [value]
                case .matchAny(let values): values
                }
                return Entry(field: entry.field, isIncluded: entry.operator == .included, values: values,
                             prefixes: values.map { try? IPPrefix(parsing: $0) })
            })
        }
    }

    func firstMatch(_ event: NetworkEvent) -> String? {
        items.first { item in item.entries.allSatisfy { entryMatches($0, event) } }?.id
    }

    private func entryMatches(_ entry: Entry, _ event: NetworkEvent) -> Bool {
        let included = entry.values.indices.contains { valueMatches(entry, $0, event) }
        return entry.isIncluded ? included : !included
    }

    private func valueMatches(_ entry: Entry, _ index: Int, _ event: NetworkEvent) -> Bool {
        let value = entry.values[index]
        func addressIn(_ addresses: [IPAddress]) -> Bool {
            guard let prefix = entry.prefixes[index] else { return false }
            return addresses.contains { prefix.contains($0) }
        }
        switch entry.field {
        case "source.ip": return addressIn(event.sourceIPs)
        case "destination.ip": return addressIn(event.destinationIPs)
        case "source.port": return event.sourcePort.map(String.init) == value
        case "destination.port": return event.destinationPort.map(String.init) == value
        case "network.transport": return event.transport == value
        case "event.dataset": return event.dataset == value
        case "event.category": return event.categories.contains(value)
        case "host.name": return event.observerHostName == value
        case "source.domain": return event.sourceDomain == value
        default: return false
        }
    }
}
