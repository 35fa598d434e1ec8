/// Flattens one JSON object into `FlatJSONBuffers`: scalars become leaves under their dotted path,
/// then a hash index links the leaves of each path.
struct FlatJSONParser {
    var buffers: FlatJSONBuffers
    private var scanner: JSONScanner

    /// Objects and arrays nested deeper than this are rejected (a guard against hostile input).
    static let maximumDepth = 128

    /// The most bytes `buffers.bytes` may hold: the input, its decoded strings and joined paths.
    private let storageLimit: Int

    init(input: LineBytes, buffers: FlatJSONBuffers) {
        self.buffers = buffers
        scanner = JSONScanner(input)
        storageLimit = 16 * input.count + 65_536
    }

    /// The dotted path of the value being parsed: where its bytes lie in `buffers.bytes` (a
    /// top-level key is read in place in the copy of the input; a nested path is joined once per
    /// key and shared by the elements of an array) and its hash.
    struct PathContext {
        var start: Int
        var length: Int
        var hash: UInt64
    }

    /// Parses the whole input; on error the buffers hold no leaves.
    mutating func parseDocument() throws(JSONSyntaxError) {
        buffers.bytes.count = 0
        buffers.leaves.count = 0
        buffers.slots.count = 0
        let input = scanner.text
        guard input.count <= FlatJSONObject.maximumInputSize else {
            throw scanner.error("text longer than \(FlatJSONObject.maximumInputSize >> 20) MiB", at: 0)
        }
        buffers.bytes.append(contentsOf: input)
        // A value takes at least two bytes (with its separator): no growth while adding leaves.
        buffers.leaves.reserve(input.count / 2 + 1)
        do throws(JSONSyntaxError) {
            guard scanner.nextToken() == UInt8(ascii: "{") else {
                throw scanner.error(scanner.atEnd ? "empty input, expected a JSON object" : "expected a JSON object")
            }
            try parseObject(prefix: PathContext(start: 0, length: 0, hash: PathHash.seed), depth: 0)
            scanner.skipWhitespace()
            guard scanner.atEnd else { throw scanner.error("unexpected text after the object") }
        } catch {
            buffers.leaves.count = 0
            throw error
        }
        // `PathBytes` reads up to 7 bytes past a path.
        buffers.bytes.reserve(8)
        buildIndex()
    }

    private mutating func parseObject(prefix: PathContext, depth: Int) throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else { throw scanner.error("nesting deeper than \(Self.maximumDepth)") }
        scanner.advance() // {
        var token = scanner.nextToken()
        if token == UInt8(ascii: "}") {
            scanner.advance()
            return
        }
        while true {
            guard token == UInt8(ascii: "\"") else {
                throw scanner.error(scanner.atEnd ? "unterminated object" : "expected a string key")
            }
            let path = try parseKey(prefix: prefix)
            guard scanner.nextToken() == UInt8(ascii: ":") else { throw scanner.error("expected ':' after the key") }
            scanner.advance()
            try parseValue(path: path, depth: depth + 1)
            switch scanner.nextToken() {
            case UInt8(ascii: ","):
                scanner.advance()
                token = scanner.nextToken()
            case UInt8(ascii: "}"):
                scanner.advance()
                return
            default:
                throw scanner.error(scanner.atEnd ? "unterminated object" : "expected ',' or '}'")
            }
        }
    }

    /// Reads a key and returns the joined path (prefix, `.`, key).
    private mutating func parseKey(prefix: PathContext) throws(JSONSyntaxError) -> PathContext {
        let decodedStart = buffers.bytes.count
        let key: Range<Int>
        if let raw = try scanner.scanString(decodingEscapesInto: &buffers.bytes) {
            key = raw
        } else {
            key = decodedStart..<buffers.bytes.count
        }
        var hash = prefix.hash
        if prefix.length == 0 {
            hash = PathHash.extend(hash, with: buffers.bytes.view(key))
            return PathContext(start: key.lowerBound, length: key.count, hash: hash)
        }
        hash = PathHash.extend(hash, with: UInt8(ascii: "."))
        hash = PathHash.extend(hash, with: buffers.bytes.view(key))
        // Joined paths copy their prefix: bound them, and the total, against hostile nesting.
        guard prefix.length + 1 + key.count <= FlatJSONObject.maximumPathLength else {
            throw scanner.error("key path longer than \(FlatJSONObject.maximumPathLength) bytes")
        }
        guard buffers.bytes.count <= storageLimit else { throw scanner.error("too many nested keys") }
        let start = buffers.bytes.count
        buffers.bytes.appendJoined(prefix.start..<(prefix.start + prefix.length), separator: UInt8(ascii: "."), key)
        return PathContext(start: start, length: buffers.bytes.count - start, hash: hash)
    }

    /// Parses the value at the next token.
    private mutating func parseValue(path: PathContext, depth: Int) throws(JSONSyntaxError) {
        switch scanner.nextToken() {
        case UInt8(ascii: "\""):
            let valueStart = buffers.bytes.count
            if let raw = try scanner.scanString(decodingEscapesInto: &buffers.bytes) {
                addLeaf(path: path, value: raw, isString: true)
            } else {
                addLeaf(path: path, value: valueStart..<buffers.bytes.count, isString: true)
            }
        case UInt8(ascii: "{"):
            try parseObject(prefix: path, depth: depth)
        case UInt8(ascii: "["):
            try parseArray(path: path, depth: depth)
        case UInt8(ascii: "t"):
            addLeaf(path: path, value: try scanner.scanLiteral("true"), isString: false)
        case UInt8(ascii: "f"):
            addLeaf(path: path, value: try scanner.scanLiteral("false"), isString: false)
        case UInt8(ascii: "n"):
            _ = try scanner.scanLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            addLeaf(path: path, value: try scanner.scanNumber(), isString: false)
        default:
            throw scanner.error(scanner.atEnd ? "unexpected end of input, expected a value" : "expected a value")
        }
    }

    private mutating func parseArray(path: PathContext, depth: Int) throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else { throw scanner.error("nesting deeper than \(Self.maximumDepth)") }
        scanner.advance() // [
        if scanner.nextToken() == UInt8(ascii: "]") {
            scanner.advance()
            return
        }
        while true {
            try parseValue(path: path, depth: depth + 1)
            switch scanner.nextToken() {
            case UInt8(ascii: ","):
                scanner.advance()
            case UInt8(ascii: "]"):
                scanner.advance()
                return
            default:
                throw scanner.error(scanner.atEnd ? "unterminated array" : "expected ',' or ']'")
            }
        }
    }

    @inline(__always)
    private mutating func addLeaf(path: PathContext, value: Range<Int>, isString: Bool) {
        buffers.leaves.append(FlatJSONLeaf(
            pathHash: path.hash, pathStart: Int32(path.start), pathCount: Int32(path.length),
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
                    || PathBytesKernel.equal(bytes + Int(other.pathStart), bytes + Int(leaf.pathStart),
                                       count: Int(leaf.pathCount)) {
                    buffers.leaves.base[Int(buffers.chainTails[slot])].nextWithSamePath = Int32(index)
                    buffers.chainTails[slot] = Int32(index)
                    break
                }
                slot = (slot + 1) & mask
            }
        }
    }
}
