/// A parsed JSON value that remembers where it starts in the file, so rule-file errors can name
/// a line and column.
struct JSONNode: Sendable {
    enum Value: Sendable {
        case object([Member])
        case array([JSONNode])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    /// One `"key": value` pair of an object, with the key's position.
    struct Member: Sendable {
        let key: String
        let keyOffset: Int
        let value: JSONNode
    }

    let value: Value
    /// Byte offset of the value's first character in the file.
    let offset: Int

    /// The member value for `key` when this is an object.
    func member(_ key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The node reached by following object keys and array indexes.
    func node(at path: [PathComponent]) -> JSONNode? {
        var node = self
        for component in path {
            switch (component, node.value) {
            case (.key(let key), .object):
                guard let next = node.member(key) else { return nil }
                node = next
            case (.index(let index), .array(let elements)) where elements.indices.contains(index):
                node = elements[index]
            default:
                return nil
            }
        }
        return node
    }

    /// A step in a path through a document.
    enum PathComponent: Hashable, Sendable {
        case key(String)
        case index(Int)
    }
}
