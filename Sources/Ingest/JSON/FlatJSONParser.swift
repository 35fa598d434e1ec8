import Foundation

/// Flattens one JSON object into `FlatJSONBuffers`: scalars become leaves under their dotted path,
/// then a hash index links the leaves of each path.
struct FlatJSONParser {
    var buffers: FlatJSONBuffers
    private var scanner: JSONScanner

    /// Objects and arrays nested deeper than this are rejected (a guard against hostile input).
    static let maximumDepth = 128

    init(input: UnsafeBufferPointer<UInt8>, buffers: FlatJSONBuffers) {
        self.buffers = buffers
        scanner = JSONScanner(input)
    }

    /// The path of the value being parsed: its length in `buffers.path` and its hash.
    struct PathContext {
        var length: Int
        var hash: UInt64
    }

    /// Where the current key's joined path was copied into `buffers.bytes` (-1: not yet), so the
    /// elements of an array share one copy.
    struct StoredPath {
        var start: Int32 = -1
    }

    /// Parses the whole input; on error the buffers hold no leaves.
    mutating func parseDocument() throws(JSONSyntaxError) {
        buffers.bytes.count = 0
        buffers.leaves.count = 0
        buffers.path.count = 0
        buffers.slots.count = 0
        let input = scanner.bytes
        guard input.count <= FlatJSONObject.maximumInputSize else {
            throw scanner.error("text longer than \(FlatJSONObject.maximumInputSize >> 20) MiB", at: 0)
        }
        if let base = input.baseAddress { buffers.bytes.append(base, count: input.count) }
        do throws(JSONSyntaxError) {
            scanner.skipWhitespace()
            guard scanner.peek() == UInt8(ascii: "{") else {
                throw scanner.error(scanner.atEnd ? "empty input, expected a JSON object" : "expected a JSON object")
            }
            try parseObject(prefix: PathContext(length: 0, hash: PathHash.seed), depth: 0)
            scanner.skipWhitespace()
            guard scanner.atEnd else { throw scanner.error("unexpected text after the object") }
        } catch {
            buffers.leaves.count = 0
            throw error
        }
        buildIndex()
    }

    private mutating func parseObject(prefix: PathContext, depth: Int) throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else { throw scanner.error("nesting deeper than \(Self.maximumDepth)") }
        scanner.advance() // {
        scanner.skipWhitespace()
        if scanner.peek() == UInt8(ascii: "}") {
            scanner.advance()
            return
        }
        while true {
            guard scanner.peek() == UInt8(ascii: "\"") else {
                throw scanner.error(scanner.atEnd ? "unterminated object" : "expected a string key")
            }
            var stored = StoredPath()
            let path = try parseKey(prefix: prefix, stored: &stored)
            scanner.skipWhitespace()
            guard scanner.peek() == UInt8(ascii: ":") else { throw scanner.error("expected ':' after the key") }
            scanner.advance()
            scanner.skipWhitespace()
            try parseValue(path: path, stored: &stored, depth: depth + 1)
            scanner.skipWhitespace()
            switch scanner.peek() {
            case UInt8(ascii: ","):
                scanner.advance()
                scanner.skipWhitespace()
            case UInt8(ascii: "}"):
                scanner.advance()
                return
            default:
                throw scanner.error(scanner.atEnd ? "unterminated object" : "expected ',' or '}'")
            }
        }
    }

    /// Reads a key and leaves the joined path (prefix, `.`, key) in `buffers.path`. An unescaped
    /// top-level key is its own stored path: its bytes already sit in the copy of the input.
    private mutating func parseKey(prefix: PathContext, stored: inout StoredPath) throws(JSONSyntaxError) -> PathContext {
        buffers.path.count = prefix.length
        var hash = prefix.hash
        if prefix.length > 0 {
            buffers.path.append(UInt8(ascii: "."))
            hash = PathHash.extend(hash, with: UInt8(ascii: "."))
        }
        let keyStart = buffers.path.count
        if let raw = try scanner.scanString(decodingEscapesInto: &buffers.path) {
            buffers.path.append(scanner.bytes.baseAddress! + raw.lowerBound, count: raw.count)
            if prefix.length == 0 { stored.start = Int32(raw.lowerBound) }
        }
        hash = PathHash.extend(hash, with: UnsafeBufferPointer(
            start: buffers.path.base + keyStart, count: buffers.path.count - keyStart))
        return PathContext(length: buffers.path.count, hash: hash)
    }

    private mutating func parseValue(path: PathContext, stored: inout StoredPath, depth: Int) throws(JSONSyntaxError) {
        switch scanner.peek() {
        case UInt8(ascii: "\""):
            let valueStart = buffers.bytes.count
            if let raw = try scanner.scanString(decodingEscapesInto: &buffers.bytes) {
                addLeaf(path: path, stored: &stored, value: raw, isString: true)
            } else {
                addLeaf(path: path, stored: &stored, value: valueStart..<buffers.bytes.count, isString: true)
            }
        case UInt8(ascii: "{"):
            try parseObject(prefix: path, depth: depth)
        case UInt8(ascii: "["):
            try parseArray(path: path, stored: &stored, depth: depth)
        case UInt8(ascii: "t"):
            addLeaf(path: path, stored: &stored, value: try scanner.scanLiteral("true"), isString: false)
        case UInt8(ascii: "f"):
            addLeaf(path: path, stored: &stored, value: try scanner.scanLiteral("false"), isString: false)
        case UInt8(ascii: "n"):
            _ = try scanner.scanLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            addLeaf(path: path, stored: &stored, value: try scanner.scanNumber(), isString: false)
        default:
            throw scanner.error(scanner.atEnd ? "unexpected end of input, expected a value" : "expected a value")
        }
    }

    private mutating func parseArray(path: PathContext, stored: inout StoredPath, depth: Int) throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else { throw scanner.error("nesting deeper than \(Self.maximumDepth)") }
        scanner.advance() // [
        scanner.skipWhitespace()
        if scanner.peek() == UInt8(ascii: "]") {
            scanner.advance()
            return
        }
        while true {
            try parseValue(path: path, stored: &stored, depth: depth + 1)
            scanner.skipWhitespace()
            switch scanner.peek() {
            case UInt8(ascii: ","):
                scanner.advance()
                scanner.skipWhitespace()
            case UInt8(ascii: "]"):
                scanner.advance()
                return
            default:
                throw scanner.error(scanner.atEnd ? "unterminated array" : "expected ',' or ']'")
            }
        }
    }

    @inline(__always)
    private mutating func addLeaf(path: PathContext, stored: inout StoredPath, value: Range<Int>, isString: Bool) {
        if stored.start < 0 {
            stored.start = Int32(buffers.bytes.count)
            buffers.bytes.append(buffers.path.base, count: path.length)
        }
        buffers.leaves.append(FlatJSONLeaf(
            pathHash: path.hash, pathStart: stored.start, pathCount: Int32(path.length),
            valueStart: Int32(value.lowerBound), valueCount: Int32(value.count), nextWithSamePath: -1,
            isString: isString
        ))
    }

    /// Links the leaves of each path in document order and fills the hash index.
    private mutating func buildIndex() {
        let leafCount = buffers.leaves.count
        var size = 16
        while size < leafCount * 2 { size <<= 1 }
        buffers.slots.reset(count: size, to: -1)
        buffers.chainTails.reset(count: size, to: -1)
        let mask = size - 1
        let bytes = buffers.bytes.base
        for index in 0..<leafCount {
            let leaf = buffers.leaves[index]
            var slot = PathHash.slot(leaf.pathHash, mask: mask)
            while true {
                let head = buffers.slots[slot]
                if head < 0 {
                    buffers.slots[slot] = Int32(index)
                    buffers.chainTails[slot] = Int32(index)
                    break
                }
                let other = buffers.leaves[Int(head)]
                if other.pathHash == leaf.pathHash, other.pathCount == leaf.pathCount,
                   other.pathStart == leaf.pathStart
                    || memcmp(bytes + Int(other.pathStart), bytes + Int(leaf.pathStart), Int(leaf.pathCount)) == 0 {
                    buffers.leaves.base[Int(buffers.chainTails[slot])].nextWithSamePath = Int32(index)
                    buffers.chainTails[slot] = Int32(index)
                    break
                }
                slot = (slot + 1) & mask
            }
        }
    }
}
