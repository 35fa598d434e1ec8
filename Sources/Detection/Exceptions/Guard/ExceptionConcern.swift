/// Why `ExceptionGuard` would not let an exception item in without the analyst insisting.
public struct ExceptionConcern: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// It silences too much of the rule's internal sources or of the destinations it alerts on.
        case broad
        /// It silences every alert of one internal host, which may be the compromised one.
        case singleInternalHost
        /// Its expiry has passed: it would never apply.
        case expired
    }

    public let kind: Kind
    /// One sentence naming the item's conditions and what they would silence.
    public let message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }
}
