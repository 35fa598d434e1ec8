/// A keyword pattern with `*` wildcards (any run of characters, also none), matched on UTF-8 bytes
/// and case-sensitive as Elasticsearch's `wildcard` query on a keyword field is.
struct WildcardPattern: Hashable, Sendable {
    /// The literal pieces between the stars: `a*b*c` is `["a", "b", "c"]`; at least two pieces.
    let pieces: [[UInt8]]

    init(pieces: [String]) {
        precondition(pieces.count >= 2, "a wildcard pattern has at least one *")
        self.pieces = pieces.map { Array($0.utf8) }
    }
}
