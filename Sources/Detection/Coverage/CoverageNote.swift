/// A computed fact about what the rule's query can and cannot see, for an analyst.
public struct CoverageNote: Hashable, Sendable {
    /// A stable identifier, e.g. `destination-gap:0.0.0.0/8`.
    public let id: String
    public let title: String
    public let detail: String

    public init(id: String, title: String, detail: String) {
        self.id = id
        self.title = title
        self.detail = detail
    }
}
