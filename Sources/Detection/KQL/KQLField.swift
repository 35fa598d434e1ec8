/// A field name as written in a query, with the offset where it starts.
public struct KQLField: Hashable, Sendable {
    public var name: String
    /// 0-based position in the query, counted in Unicode scalars.
    public var offset: Int

    public init(name: String, offset: Int) {
        self.name = name
        self.offset = offset
    }
}
