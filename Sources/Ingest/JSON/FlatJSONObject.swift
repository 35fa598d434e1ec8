import Foundation

/// A JSON object flattened to dotted key paths, the way Elasticsearch resolves a field name:
/// `{"source":{"ip":"1.2.3.4"}}`, `{"source.ip":"1.2.3.4"}` and `{"source":{"ip":["1.2.3.4"]}}` all
/// give `values("source.ip") == ["1.2.3.4"]`. Arrays of scalars contribute each element; numbers
/// and booleans keep their JSON text; `null` is absent.
public struct FlatJSONObject: Sendable {
    /// A scalar leaf: its text (a string's decoded content, a number's or boolean's literal text)
    /// and whether it was a JSON string.
    public struct Scalar: Sendable, Equatable {
        public var text: String
        public var isString: Bool
    }

    private var leaves: [String: [Scalar]]

    /// The scalars at a dotted path; empty when the field is missing.
    public func values(_ path: String) -> [Scalar] { leaves[path] ?? [] }

    /// The first value's text at a path.
    public func string(_ path: String) -> String? { leaves[path]?.first?.text }

    /// Every value's text at a path.
    public func strings(_ path: String) -> [String] { values(path).map(\.text) }

    /// The first value as an integer, whether written as a number or a numeric string.
    public func integer(_ path: String) -> Int64? {
        guard let text = string(path) else { return nil }
        if let value = Int64(text) { return value }
        if let value = Double(text), value.isFinite, value.rounded() == value,
           abs(value) < 9.2e18 { return Int64(value) }
        return nil
    }

    /// The first value as a boolean (`true`/`false`, also as strings).
    public func bool(_ path: String) -> Bool? {
        switch string(path)?.lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }

    /// Every dotted path present, in no particular order.
    public var paths: Dictionary<String, [Scalar]>.Keys { leaves.keys }
}

/// Why a line is not a JSON object; `offset` is the 0-based byte position of the problem.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var offset: Int
    public var reason: String

    public var description: String { "invalid JSON at byte \(offset + 1): \(reason)" }
}

extension FlatJSONObject {
    /// Parses one JSON object (one NDJSON line) and flattens it.
    public init(parsing bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) {
        let data = Data(buffer: bytes)
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw JSONSyntaxError(offset: 0, reason: "not valid JSON")
        }
        guard let object = parsed as? [String: Any] else {
            throw JSONSyntaxError(offset: 0, reason: "expected a JSON object")
        }
        var leaves: [String: [Scalar]] = [:]
        Self.flatten(object, prefix: "", into: &leaves)
        self.leaves = leaves
    }

    private static func flatten(_ value: Any, prefix: String, into leaves: inout [String: [Scalar]]) {
        switch value {
        case let object as [String: Any]:
            for (key, child) in object {
                flatten(child, prefix: prefix.isEmpty ? key : prefix + "." + key, into: &leaves)
            }
        case let array as [Any]:
            for element in array { flatten(element, prefix: prefix, into: &leaves) }
        case is NSNull:
            break
        case let string as String:
            leaves[prefix, default: []].append(Scalar(text: string, isString: true))
        case let number as NSNumber:
            let isBoolean = String(describing: type(of: number)).contains("Boolean")
            let text = isBoolean ? (number.boolValue ? "true" : "false") : number.stringValue
            leaves[prefix, default: []].append(Scalar(text: text, isString: false))
        default:
            break
        }
    }
}
