/// A JSON object flattened to dotted key paths, the way Elasticsearch resolves a field name:
/// `{"source":{"ip":"1.2.3.4"}}`, `{"source.ip":"1.2.3.4"}` and `{"source":{"ip":["1.2.3.4"]}}` all
/// give `values("source.ip") == ["1.2.3.4"]`. Arrays of scalars contribute each element, arrays of
/// objects flatten each object under the same prefix; numbers and booleans keep their JSON text;
/// `null` is absent.
///
/// Parsing copies the line once and records every leaf as byte ranges in raw buffers (no
/// per-field allocation); a hash index over the paths makes a `Key` lookup a probe or two. A reader that parses many lines
/// keeps one object and calls `reparse(_:)`, which reuses its buffers and the keys of the lines
/// before: a key written as the line before wrote it, in the same place, is not read again.
public struct FlatJSONObject: Sendable {
    /// A scalar leaf: its text (a string's decoded content, a number's or boolean's literal text)
    /// and whether it was a JSON string.
    public struct Scalar: Sendable, Equatable {
        public var text: String
        public var isString: Bool

        public init(text: String, isString: Bool) {
            self.text = text
            self.isString = isString
        }
    }

    /// The parsed content; shared between copies until one of them reparses.
    var storage = FlatJSONStorage()

    /// An object with no fields; `reparse(_:)` fills it.
    public init() {}
}

extension FlatJSONObject {
    /// The scalars at a dotted path; empty when the field is missing.
    public func values(_ path: String) -> [Scalar] { values(Key(path)) }

    /// The first value's text at a path.
    public func string(_ path: String) -> String? { string(Key(path)) }

    /// Every value's text at a path.
    public func strings(_ path: String) -> [String] { values(Key(path)).map(\.text) }

    /// The first value as an integer, whether written as a number or a numeric string.
    public func integer(_ path: String) -> Int64? { integer(Key(path)) }

    /// The first value as a boolean (`true`/`false` in any letter case, also as strings).
    public func bool(_ path: String) -> Bool? { bool(Key(path)) }

    /// Every dotted path present, in no particular order.
    public var paths: Dictionary<String, [Scalar]>.Keys {
        var grouped: [String: [Scalar]] = [:]
        for index in 0..<storage.buffers.leaves.count {
            grouped[pathText(ofLeaf: index), default: []].append(scalar(ofLeaf: index))
        }
        return grouped.keys
    }

    func pathText(ofLeaf index: Int) -> String {
        let buffers = storage.buffers
        let leaf = buffers.leaves[index]
        return String(decoding: buffers.paths.view(leaf.pathRange), as: UTF8.self)
    }

    func scalar(ofLeaf index: Int) -> Scalar {
        let buffers = storage.buffers
        let leaf = buffers.leaves[index]
        let text = String(decoding: buffers.bytes.view(leaf.valueRange), as: UTF8.self)
        return Scalar(text: text, isString: leaf.isString)
    }
}
