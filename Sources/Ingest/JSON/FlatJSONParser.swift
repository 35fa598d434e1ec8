/// Flattens one JSON object into `FlatJSONBuffers`: scalars become leaves under their dotted path,
/// then a hash index links the leaves of each path. Keys are read through the shape remembered
/// from earlier lines (`FlatJSONParser+Key`).
struct FlatJSONParser {
    var buffers: FlatJSONBuffers
    var scanner: JSONScanner

    /// Objects and arrays nested deeper than this are rejected (a guard against hostile input).
    static let maximumDepth = 128

    /// The most bytes the parse may hold: the input, its decoded strings and joined paths (a
    /// hostile line's nested keys can make paths many times its size).
    let storageLimit: Int
    /// What parsing every key anew would have added to `buffers.bytes` beyond what it holds: the
    /// joined paths (kept in `buffers.paths`) and a known key's decoded escapes. It counts toward
    /// `storageLimit` exactly as it did when every key was decoded and joined into `bytes`.
    var unstoredBytes = 0
    /// How many keys of this line have been read: the index of the next key in `buffers.shape`.
    var keysRead = 0

    init(input: LineBytes, buffers: FlatJSONBuffers) {
        self.buffers = buffers
        scanner = JSONScanner(input)
        storageLimit = 16 * input.count + 65_536
    }

    /// The dotted path of the value being parsed: where its bytes lie in `buffers.paths` (joined
    /// once per key and shared by the elements of an array), its hash, and the index of the key
    /// that made it in `buffers.shape` (-1 for the document itself).
    struct PathContext {
        var start: Int
        var length: Int
        var hash: UInt64
        var key: Int32
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
        // A known key is compared a word at a time, up to 7 bytes past the input.
        buffers.bytes.reserve(8)
        // A value takes at least two bytes (with its separator): no growth while adding leaves.
        buffers.leaves.reserve(input.count / 2 + 1)
        do throws(JSONSyntaxError) {
            guard scanner.nextToken() == UInt8(ascii: "{") else {
                throw scanner.error(scanner.atEnd ? "empty input, expected a JSON object" : "expected a JSON object")
            }
            try parseObject(prefix: PathContext(start: 0, length: 0, hash: PathHash.seed, key: -1), depth: 0)
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
        let paths = buffers.paths.base
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
                    || PathBytesKernel.equal(paths + Int(other.pathStart), paths + Int(leaf.pathStart),
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
