extension FlatJSONParser {
    /// Reads the key at the scanner and returns its path (prefix, `.`, key; the key alone at the
    /// top level). When the key is the one the remembered shape expects here (the same raw text
    /// under the same parent) its path and hash are reused; otherwise the shape is cut back to
    /// this key, which is decoded, hashed, joined and remembered in its place. Either way the
    /// path, the errors and the storage limit are those of reading the key anew.
    mutating func parseKey(prefix: PathContext) throws(JSONSyntaxError) -> PathContext {
        if keysRead < buffers.shape.count, let known = try knownKey(prefix: prefix) { return known }
        return try newKey(prefix: prefix)
    }

    /// The path of the shape's next key when the line wrote the same key there, else nil.
    @inline(__always)
    private mutating func knownKey(prefix: PathContext) throws(JSONSyntaxError) -> PathContext? {
        let key = buffers.shape[keysRead]
        let rawStart = scanner.position + 1
        let rawEnd = rawStart + Int(key.rawCount)
        // The raw text is followed by the closing quote: scanning it would end at the same quote,
        // since a string's scan depends only on the bytes before its end.
        guard key.parent == prefix.key, rawEnd < scanner.text.count, buffers.bytes[rawEnd] == UInt8(ascii: "\""),
              PathBytesKernel.equal(buffers.bytes, at: rawStart, buffers.paths, at: Int(key.rawStart), count: Int(key.rawCount))
        else { return nil }
        scanner.advance(by: rawEnd + 1 - scanner.position)
        unstoredBytes += Int(key.decodedCount)
        if prefix.length != 0 {
            guard buffers.bytes.count + unstoredBytes <= storageLimit else { throw scanner.error("too many nested keys") }
            unstoredBytes += Int(key.pathCount)
        }
        defer { keysRead += 1 }
        return PathContext(start: Int(key.pathStart), length: Int(key.pathCount), hash: key.pathHash, key: Int32(keysRead))
    }

    /// Reads a key the shape does not expect here and remembers it as the shape's next key.
    private mutating func newKey(prefix: PathContext) throws(JSONSyntaxError) -> PathContext {
        // Forget the shape from here on, and anything a line that failed left past its last key.
        if keysRead < buffers.shape.count {
            buffers.paths.count = Int(buffers.shape[keysRead].storageStart)
            buffers.shape.count = keysRead
        } else if keysRead > 0 {
            let last = buffers.shape[keysRead - 1]
            buffers.paths.count = Int(last.pathStart + last.pathCount)
        } else {
            buffers.paths.count = 0
        }
        let storageStart = buffers.paths.count
        let rawStart = scanner.position + 1
        let decodedStart = buffers.bytes.count
        let key: Range<Int>
        let isEscaped: Bool
        if let raw = try scanner.scanString(decodingEscapesInto: &buffers.bytes) {
            key = raw
            isEscaped = false
        } else {
            key = decodedStart..<buffers.bytes.count
            isEscaped = true
            buffers.bytes.reserve(8)
        }
        let rawCount = scanner.position - 1 - rawStart
        if isEscaped { buffers.paths.append(contentsOf: buffers.bytes.view(rawStart..<(rawStart + rawCount))) }
        var hash = prefix.hash
        let pathStart = buffers.paths.count
        if prefix.length == 0 {
            hash = PathHash.extend(hash, with: buffers.bytes.view(key))
            buffers.paths.append(contentsOf: buffers.bytes.view(key))
        } else {
            hash = PathHash.extend(hash, with: UInt8(ascii: "."))
            hash = PathHash.extend(hash, with: buffers.bytes.view(key))
            // Joined paths copy their prefix: bound them, and the total, against hostile nesting.
            guard prefix.length + 1 + key.count <= FlatJSONObject.maximumPathLength else {
                throw scanner.error("key path longer than \(FlatJSONObject.maximumPathLength) bytes")
            }
            guard buffers.bytes.count + unstoredBytes <= storageLimit else { throw scanner.error("too many nested keys") }
            buffers.paths.appendJoined(prefix.start..<(prefix.start + prefix.length), separator: UInt8(ascii: "."),
                                       key, of: buffers.bytes)
            unstoredBytes += buffers.paths.count - pathStart
        }
        let pathCount = buffers.paths.count - pathStart
        // Keys and paths are compared a word at a time, up to 7 bytes past them.
        buffers.paths.reserve(8)
        buffers.shape.append(FlatJSONShapeKey(
            parent: prefix.key, storageStart: Int32(storageStart),
            rawStart: Int32(isEscaped ? storageStart : pathStart + pathCount - key.count), rawCount: Int32(rawCount),
            pathStart: Int32(pathStart), pathCount: Int32(pathCount), pathHash: hash,
            decodedCount: Int32(isEscaped ? key.count : 0)
        ))
        defer { keysRead += 1 }
        return PathContext(start: pathStart, length: pathCount, hash: hash, key: Int32(keysRead))
    }
}
