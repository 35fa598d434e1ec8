extension JSONValue {
    /// The object with nested objects folded into dotted keys (`{"source":{"ip":…}}` becomes
    /// `{"source.ip":…}`), the shape of a flat Elasticsearch export. Keys listed in `keepNested`
    /// stay nested, which gives the mixed shape some exports have.
    func dotted(keepNested: Set<String> = []) -> JSONValue {
        guard case .object(let members) = self else { return self }
        var flat: [(String, JSONValue)] = []
        for (key, value) in members {
            if keepNested.contains(key) {
                flat.append((key, value))
            } else {
                Self.fold(value, prefix: key, into: &flat)
            }
        }
        return .object(flat)
    }

    private static func fold(_ value: JSONValue, prefix: String, into flat: inout [(String, JSONValue)]) {
        guard case .object(let members) = value else {
            flat.append((prefix, value))
            return
        }
        for (key, child) in members {
            fold(child, prefix: prefix + "." + key, into: &flat)
        }
    }
}
