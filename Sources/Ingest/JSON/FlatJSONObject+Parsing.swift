extension FlatJSONObject {
    /// Parses one JSON object (one NDJSON line) and flattens it. Strict RFC 8259: the text must be
    /// one object with optional surrounding whitespace, strings valid UTF-8 without raw control
    /// characters, escapes well formed (`\uXXXX` surrogates paired).
    public init(parsing bytes: LineBytes) throws(JSONSyntaxError) {
        self.init()
        try reparse(bytes)
    }

    /// The largest text `reparse` accepts (offsets are kept in 32 bits).
    public static let maximumInputSize = 64 << 20

    /// The longest dotted path a key may build; real field names are far shorter.
    public static let maximumPathLength = 1024

    /// Replaces the content with `bytes` parsed, reusing this object's buffers unless a copy of
    /// the object still shares them. On error the object is left empty.
    public mutating func reparse(_ bytes: LineBytes) throws(JSONSyntaxError) {
        if !isKnownUniquelyReferenced(&storage) { storage = FlatJSONStorage() }
        var parser = FlatJSONParser(input: bytes, buffers: storage.buffers)
        defer { storage.buffers = parser.buffers }
        try parser.parseDocument()
    }
}
