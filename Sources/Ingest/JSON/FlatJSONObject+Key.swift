extension FlatJSONObject {
    /// A dotted path prepared for repeated lookups: its UTF-8 bytes and hash are computed once.
    /// Readers keep their keys in `static let`s.
    public struct Key: Sendable, Hashable {
        /// The path's UTF-8 bytes followed by 8 zero bytes, so that `PathBytes` may read words.
        let paddedBytes: [UInt8]
        /// How many of `paddedBytes` are the path's.
        let count: Int
        let hash: UInt64

        /// The key for a dotted path such as `source.ip`.
        public init(_ path: String) {
            count = path.utf8.count
            paddedBytes = Array(path.utf8) + Array(repeating: 0, count: 8)
            hash = path.withLineBytes { PathHash.extend(PathHash.seed, with: $0) }
        }

        /// The path this key looks up.
        public var path: String {
            // Through a view, not an array slice: a slice would retain the bytes, and the compiler
            // hoists that retain into the success path of every field read that may throw.
            paddedBytes.withLineBytes { String(decoding: $0.extracting(first: count), as: UTF8.self) }
        }
    }

    /// The first leaf at `key`, or -1.
    @inline(__always)
    func firstLeaf(_ key: Key, in buffers: FlatJSONBuffers) -> Int32 {
        let slotCount = buffers.slots.count
        if slotCount == 0 { return -1 }
        let mask = slotCount - 1
        var slot = PathHash.slot(key.hash, mask: mask)
        return key.paddedBytes.withLineBytes { wanted in
            while true {
                let candidate = buffers.slots[slot]
                if candidate < 0 { return -1 }
                let leaf = buffers.leaves[Int(candidate)]
                if leaf.pathHash == key.hash, Int(leaf.pathCount) == key.count,
                   PathBytesKernel.equal(buffers.paths, at: Int(leaf.pathStart), wanted, count: key.count) {
                    return candidate
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// True when at least one value sits at `key`.
    public func contains(_ key: Key) -> Bool { firstLeaf(key, in: storage.buffers) >= 0 }

    /// How many values sit at `key`.
    public func valueCount(_ key: Key) -> Int {
        let buffers = storage.buffers
        var count = 0
        var next = firstLeaf(key, in: buffers)
        while next >= 0 {
            count += 1
            next = buffers.leaves[Int(next)].nextWithSamePath
        }
        return count
    }

    /// Calls `body` with each value at `key` in document order: the value's UTF-8 bytes (a string's
    /// decoded content, a literal's text) and whether it was a JSON string. The bytes are valid only
    /// during the call. Stops early when `body` returns false.
    public func forEachValue<Failure: Error>(
        _ key: Key, _ body: (_ bytes: LineBytes, _ isString: Bool) throws(Failure) -> Bool
    ) throws(Failure) {
        let buffers = storage.buffers
        var next = firstLeaf(key, in: buffers)
        while next >= 0 {
            let leaf = buffers.leaves[Int(next)]
            let bytes = buffers.bytes.view(leaf.valueRange)
            guard try body(bytes, leaf.isString) else { return }
            next = leaf.nextWithSamePath
        }
    }

    /// Calls `body` with the first value at `key` (see `forEachValue`); nil when the key is absent.
    public func withFirstValue<Result, Failure: Error>(
        _ key: Key, _ body: (_ bytes: LineBytes, _ isString: Bool) throws(Failure) -> Result
    ) throws(Failure) -> Result? {
        let buffers = storage.buffers
        let index = firstLeaf(key, in: buffers)
        guard index >= 0 else { return nil }
        let leaf = buffers.leaves[Int(index)]
        return try body(buffers.bytes.view(leaf.valueRange), leaf.isString)
    }

    /// The first value's bytes and kind at `key`, or nil. The bytes live in this object's storage:
    /// valid while the object is neither changed nor destroyed (callers in this module use them
    /// at once, which is what makes the typed field reads cheap).
    @inline(__always)
    func firstValue(_ key: Key) -> (bytes: LineBytes, isString: Bool)? {
        let buffers = storage.buffers
        let index = firstLeaf(key, in: buffers)
        guard index >= 0 else { return nil }
        let leaf = buffers.leaves[Int(index)]
        return (buffers.bytes.view(leaf.valueRange), leaf.isString)
    }

    /// The scalars at `key`; empty when the field is missing.
    public func values(_ key: Key) -> [Scalar] {
        var result: [Scalar] = []
        forEachValue(key) { bytes, isString in
            result.append(Scalar(text: String(decoding: bytes, as: UTF8.self), isString: isString))
            return true
        }
        return result
    }

    /// The first value's text at `key`.
    public func string(_ key: Key) -> String? {
        guard let value = firstValue(key) else { return nil }
        return withExtendedLifetime(storage) { String(decoding: value.bytes, as: UTF8.self) }
    }

    /// The first value's text at `key` in lowercase (ASCII letters), as Elastic's pipelines lower
    /// `network.transport`.
    public func lowercasedString(_ key: Key) -> String? {
        withFirstValue(key) { bytes, _ in
            let text = String(decoding: bytes, as: UTF8.self)
            return bytes.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) ? text.lowercased() : text
        }
    }

    /// Every value's text at `key`.
    public func strings(_ key: Key) -> [String] {
        var result: [String] = []
        result.reserveCapacity(valueCount(key))
        forEachValue(key) { bytes, _ in
            result.append(String(decoding: bytes, as: UTF8.self))
            return true
        }
        return result
    }

    /// The first value as an integer, whether written as a number or a numeric string
    /// (`445`, `"445"`, `4.45e2`); nil when absent or not integral.
    public func integer(_ key: Key) -> Int64? {
        withFirstValue(key) { bytes, _ in NumericText.integer(bytes) } ?? nil
    }

    /// The first value as a boolean (`true`/`false` in any letter case, also as strings).
    public func bool(_ key: Key) -> Bool? {
        withFirstValue(key) { bytes, _ -> Bool? in
            if bytes.withSpan({ NumericText.equalsIgnoringCase($0, "true") }) { return true }
            if bytes.withSpan({ NumericText.equalsIgnoringCase($0, "false") }) { return false }
            return nil
        } ?? nil
    }
}
