import Foundation

extension DetectionRule {
    /// Decodes a rule file; JSON syntax errors and missing or mistyped keys name the line and
    /// column where they are.
    public init(jsonFile data: Data) throws(RuleFileError) {
        let bytes = [UInt8](data)
        let root = try Self.parseDocument(bytes)
        self = try Self.decode(data, root: root, bytes: bytes)
    }

    /// The file's JSON tree, or the syntax error with its position.
    static func parseDocument(_ bytes: [UInt8]) throws(RuleFileError) -> JSONNode {
        do {
            return try JSONNodeParser.parse(bytes)
        } catch {
            throw RuleFileError(offset: error.offset, in: bytes, reason: "invalid JSON: \(error.reason)")
        }
    }

    /// Decodes a syntactically valid file, placing a decoding error at the value it concerns.
    static func decode(_ data: Data, root: JSONNode, bytes: [UInt8]) throws(RuleFileError) -> DetectionRule {
        do {
            return try JSONDecoder().decode(DetectionRule.self, from: data)
        } catch let error as DecodingError {
            throw locate(error, root: root, bytes: bytes)
        } catch {
            throw RuleFileError(line: 1, column: 1, reason: "cannot decode the rule: \(error)")
        }
    }

    private static func locate(_ error: DecodingError, root: JSONNode, bytes: [UInt8]) -> RuleFileError {
        let codingPath: [any CodingKey]
        let reason: String
        switch error {
        case .keyNotFound(let key, let context):
            codingPath = context.codingPath
            reason = "missing key \"\(key.stringValue)\"" + inText(context.codingPath)
        case .typeMismatch(let type, let context):
            codingPath = context.codingPath
            reason = "\(pathText(context.codingPath)) must be \(typeName(type))"
        case .valueNotFound(let type, let context):
            codingPath = context.codingPath
            reason = "\(pathText(context.codingPath)) must be \(typeName(type)), not null"
        case .dataCorrupted(let context):
            codingPath = context.codingPath
            reason = "\(pathText(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            codingPath = []
            reason = "cannot decode the rule: \(error)"
        }
        let path = codingPath.map { key in key.intValue.map(JSONNode.PathComponent.index) ?? .key(key.stringValue) }
        var node = root.node(at: path)
        var shortened = path
        while node == nil, !shortened.isEmpty {
            shortened.removeLast()
            node = root.node(at: shortened)
        }
        return RuleFileError(offset: node?.offset ?? 0, in: bytes, reason: reason)
    }

    /// A coding path as `threat[0].tactic.id`.
    static func pathText(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text.isEmpty ? "the rule" : text
    }

    private static func inText(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "" : " in \(pathText(codingPath))"
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: type == [String: Any].self ? "an object" : "a value of type \(type)"
        }
    }
}
