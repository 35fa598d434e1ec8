import Foundation

/// The shapes of exception an analyst adds from an alert or the command line; each becomes the
/// entries of one `ExceptionItem`.
public enum ExceptionScope: Hashable, Sendable {
    /// Every event to this destination block (a single address is a /32 or /128).
    case destination(IPPrefix)
    /// Every event from this source block.
    case source(IPPrefix)
    /// Events from this source block to this destination block.
    case pair(source: IPPrefix, destination: IPPrefix)

    /// The item's entries: `source.ip` and/or `destination.ip` included-match conditions.
    public var entries: [ExceptionEntry] {
        switch self {
        case .destination(let destination):
            [ExceptionEntry(field: "destination.ip", value: .match(Self.text(destination)))]
        case .source(let source):
            [ExceptionEntry(field: "source.ip", value: .match(Self.text(source)))]
        case .pair(let source, let destination):
            [ExceptionEntry(field: "source.ip", value: .match(Self.text(source))),
             ExceptionEntry(field: "destination.ip", value: .match(Self.text(destination)))]
        }
    }

    /// A short label for lists and the audit log, e.g. `dst 20.60.0.0/16` or `10.1.2.3 → 8.8.8.8`.
    public var summary: String {
        switch self {
        case .destination(let destination): "dst \(Self.text(destination))"
        case .source(let source): "src \(Self.text(source))"
        case .pair(let source, let destination): "\(Self.text(source)) → \(Self.text(destination))"
        }
    }

    /// A full-length prefix is written as the bare address.
    private static func text(_ prefix: IPPrefix) -> String {
        prefix.length == (prefix.network.isIPv4 ? 32 : 128) ? "\(prefix.network)" : "\(prefix)"
    }
}

extension ExceptionItem {
    /// A new item for `scope`, named after it.
    public init(id: String = UUID().uuidString.lowercased(), scope: ExceptionScope, comment: String,
                author: String, createdAt: Date, expiresAt: Date? = nil) {
        self.init(id: id, name: "smbtriage: \(scope.summary)", comment: comment, author: author,
                  createdAt: createdAt, expiresAt: expiresAt, entries: scope.entries)
    }
}
