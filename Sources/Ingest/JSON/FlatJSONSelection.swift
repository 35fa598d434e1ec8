import Foundation

/// The dotted paths a reader reads, prepared for a selective parse (`FlatJSONObject.reparse(_:
/// selecting:)`): the parser follows only keys on the way to a selected path, records only the
/// selected paths' scalars, and steps over every other value, still checking its syntax.
///
/// The paths form a trie of key segments: a JSON key leads from its object's node to a child,
/// one segment per dot, so nested, dotted and mixed spellings meet at the same node. A child is
/// found by hashing the key a word at a time together with its parent's index.
///
/// Immutable once built, so the class is `@unchecked Sendable`; readers keep one in a `static let`.
final class FlatJSONSelection: @unchecked Sendable {
    /// The selected paths, in field order.
    let paths: [String]
    /// The tables, for the parser's inner loop.
    let table: FlatJSONSelectionTable

    var fieldCount: Int { paths.count }

    /// The empty selection: a full parse's stand-in table.
    static let none = FlatJSONSelection([])

    /// A selection of `paths` (dotted, e.g. `source.ip`); duplicates share one field.
    init(_ paths: [String]) {
        var unique: [String] = []
        for path in paths where !unique.contains(path) { unique.append(path) }
        self.paths = unique
        let nodeBound = unique.reduce(0) { $0 + $1.utf8.count { $0 == UInt8(ascii: ".") } + 1 }
        var table = FlatJSONSelectionTable(nodeBound: nodeBound)
        for (field, path) in unique.enumerated() {
            let bytes = Array(path.utf8)
            var parent: Int32 = -1
            var segmentStart = 0
            for offset in 0...bytes.count where offset == bytes.count || bytes[offset] == UInt8(ascii: ".") {
                let isLast = offset == bytes.count
                parent = table.addNode(
                    parent: parent, segment: bytes[segmentStart..<offset], path: bytes[..<offset],
                    field: isLast ? Int32(field) : -1, hasChildren: !isLast
                )
                segmentStart = offset + 1
            }
        }
        self.table = table
    }

    deinit { table.deallocate() }

    /// The field index of the selected `path`, or -1 when the selection does not hold it.
    func field(path: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard let base = path.baseAddress else { return table.field(ofNode: table.child(of: -1, key: nil, count: 0)) }
        // The table reads keys a word at a time: give it a padded copy.
        let padded = UnsafeMutablePointer<UInt8>.allocate(capacity: path.count + 8)
        defer { padded.deallocate() }
        padded.initialize(from: base, count: path.count)
        (padded + path.count).initialize(repeating: 0, count: 8)
        return table.field(ofNode: table.child(of: -1, key: padded, count: path.count))
    }

    /// The key for the selected `path`: a lookup in an object parsed with this selection goes
    /// straight to the field.
    func key(_ path: String) -> FlatJSONObject.Key {
        let key = FlatJSONObject.Key(path)
        let field = key.bytes.withUnsafeBufferPointer { self.field(path: $0) }
        precondition(field >= 0, "\(path) is not in the selection")
        return FlatJSONObject.Key(key, selection: self, field: field)
    }
}
