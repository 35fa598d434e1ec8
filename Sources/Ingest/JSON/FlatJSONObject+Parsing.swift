extension FlatJSONObject {
    /// Parses one JSON object (one NDJSON line) and flattens it. Strict RFC 8259: the text must be
    /// one object with optional surrounding whitespace, strings valid UTF-8 without raw control
    /// characters, escapes well formed (`\uXXXX` surrogates paired).
    public init(parsing bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) {
        self.init()
        try reparse(bytes)
    }

    /// Replaces the content with `bytes` parsed, reusing this object's buffers. On error the
    /// object is left empty.
    public mutating func reparse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) {
        storage.removeAll(keepingCapacity: true)
        leaves.removeAll(keepingCapacity: true)
        pathScratch.removeAll(keepingCapacity: true)
        storage.append(contentsOf: bytes)
        do throws(JSONSyntaxError) {
            var scanner = JSONScanner(bytes)
            scanner.skipWhitespace()
            guard scanner.peek() == UInt8(ascii: "{") else {
                throw scanner.error(scanner.atEnd ? "empty input, expected a JSON object" : "expected a JSON object")
            }
            try parseObject(&scanner, prefix: PathContext(length: 0, hash: PathHash.seed), depth: 0)
            scanner.skipWhitespace()
            guard scanner.atEnd else { throw scanner.error("unexpected text after the object") }
        } catch {
            storage.removeAll(keepingCapacity: true)
            leaves.removeAll(keepingCapacity: true)
            slots.removeAll(keepingCapacity: true)
            throw error
        }
        buildIndex()
    }

    /// Objects and arrays nested deeper than this are rejected (a guard against hostile input).
    static let maximumDepth = 128

    /// The path of the value being parsed: its length in `pathScratch` and its hash.
    struct PathContext {
        var length: Int
        var hash: UInt64
    }

    /// Where the current key's joined path was copied into `storage` (-1: not yet), so that the
    /// elements of an array share one copy.
    struct StoredPath {
        var start = -1
    }

    private mutating func parseObject(
        _ scanner: inout JSONScanner, prefix: PathContext, depth: Int
    ) throws(JSONSyntaxError) {
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
            let path = try parseKey(&scanner, prefix: prefix, stored: &stored)
            scanner.skipWhitespace()
            guard scanner.peek() == UInt8(ascii: ":") else { throw scanner.error("expected ':' after the key") }
            scanner.advance()
            scanner.skipWhitespace()
            try parseValue(&scanner, path: path, stored: &stored, depth: depth + 1)
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

    /// Reads a key and leaves the joined path (prefix, `.`, key) in `pathScratch`. An unescaped
    /// top-level key is its own stored path: its bytes already sit in the copy of the input.
    private mutating func parseKey(
        _ scanner: inout JSONScanner, prefix: PathContext, stored: inout StoredPath
    ) throws(JSONSyntaxError) -> PathContext {
        pathScratch.removeSubrange(prefix.length...)
        var hash = prefix.hash
        if prefix.length > 0 {
            pathScratch.append(UInt8(ascii: "."))
            hash = PathHash.extend(hash, with: UInt8(ascii: "."))
        }
        let keyStart = pathScratch.count
        if let raw = try scanner.scanString(decodingEscapesInto: &pathScratch) {
            let rawBytes = UnsafeBufferPointer(rebasing: scanner.bytes[raw])
            pathScratch.append(contentsOf: rawBytes)
            if prefix.length == 0 { stored.start = raw.lowerBound }
        }
        hash = pathScratch.withUnsafeBufferPointer {
            PathHash.extend(hash, with: UnsafeBufferPointer(rebasing: $0[keyStart...]))
        }
        return PathContext(length: pathScratch.count, hash: hash)
    }

    private mutating func parseValue(
        _ scanner: inout JSONScanner, path: PathContext, stored: inout StoredPath, depth: Int
    ) throws(JSONSyntaxError) {
        switch scanner.peek() {
        case UInt8(ascii: "\""):
            let valueStart = storage.count
            if let raw = try scanner.scanString(decodingEscapesInto: &storage) {
                addLeaf(path: path, stored: &stored, value: raw, isString: true)
            } else {
                addLeaf(path: path, stored: &stored, value: valueStart..<storage.count, isString: true)
            }
        case UInt8(ascii: "{"):
            try parseObject(&scanner, prefix: path, depth: depth)
        case UInt8(ascii: "["):
            try parseArray(&scanner, path: path, stored: &stored, depth: depth)
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

    private mutating func parseArray(
        _ scanner: inout JSONScanner, path: PathContext, stored: inout StoredPath, depth: Int
    ) throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else { throw scanner.error("nesting deeper than \(Self.maximumDepth)") }
        scanner.advance() // [
        scanner.skipWhitespace()
        if scanner.peek() == UInt8(ascii: "]") {
            scanner.advance()
            return
        }
        while true {
            try parseValue(&scanner, path: path, stored: &stored, depth: depth + 1)
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

    private mutating func addLeaf(path: PathContext, stored: inout StoredPath, value: Range<Int>, isString: Bool) {
        if stored.start < 0 {
            stored.start = storage.count
            storage.append(contentsOf: pathScratch[..<path.length])
        }
        leaves.append(Leaf(
            pathStart: stored.start, pathCount: path.length, valueStart: value.lowerBound,
            valueCount: value.count, pathHash: path.hash, nextWithSamePath: -1, isString: isString
        ))
    }

    /// Links the leaves of each path in document order and fills the hash index.
    private mutating func buildIndex() {
        var size = 16
        while size < leaves.count * 2 { size <<= 1 }
        slots.removeAll(keepingCapacity: true)
        slots.append(contentsOf: repeatElement(-1, count: size))
        chainTails.removeAll(keepingCapacity: true)
        chainTails.append(contentsOf: repeatElement(-1, count: size))
        let mask = size - 1
        storage.withUnsafeBufferPointer { stored in
            for index in leaves.indices {
                let leaf = leaves[index]
                var slot = Int(truncatingIfNeeded: leaf.pathHash) & mask
                while true {
                    let head = slots[slot]
                    if head < 0 {
                        slots[slot] = Int32(index)
                        chainTails[slot] = Int32(index)
                        break
                    }
                    let other = leaves[Int(head)]
                    if other.pathHash == leaf.pathHash, other.pathCount == leaf.pathCount,
                       Self.bytesEqual(stored, other.pathStart, leaf.pathStart, leaf.pathCount) {
                        leaves[Int(chainTails[slot])].nextWithSamePath = Int32(index)
                        chainTails[slot] = Int32(index)
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    @inline(__always)
    private static func bytesEqual(_ bytes: UnsafeBufferPointer<UInt8>, _ first: Int, _ second: Int, _ count: Int) -> Bool {
        if first == second { return true }
        for offset in 0..<count where bytes[first + offset] != bytes[second + offset] { return false }
        return true
    }
}
