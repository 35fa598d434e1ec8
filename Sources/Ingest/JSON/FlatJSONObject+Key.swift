import Foundation

extension FlatJSONObject {
    /// A dotted path prepared for repeated lookups: its UTF-8 bytes and hash are computed once.
    /// Readers keep their keys in `static let`s.
    public struct Key: Sendable, Hashable {
        let bytes: [UInt8]
        let hash: UInt64

        /// The key for a dotted path such as `source.ip`.
        public init(_ path: String) {
            bytes = Array(path.utf8)
            hash = bytes.withUnsafeBufferPointer { PathHash.extend(PathHash.seed, with: $0) }
        }

        /// The path this key looks up.
        public var path: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// The index of the first leaf at `key`, or nil.
    func firstLeaf(_ key: Key) -> Int? {
        if slots.isEmpty { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key.hash) & mask
        return storage.withUnsafeBufferPointer { stored in
            key.bytes.withUnsafeBufferPointer { wanted in
                while true {
                    let candidate = slots[slot]
                    if candidate < 0 { return nil }
                    let leaf = leaves[Int(candidate)]
                    if leaf.pathHash == key.hash, leaf.pathCount == wanted.count,
                       wanted.count == 0
                        || memcmp(stored.baseAddress! + leaf.pathStart, wanted.baseAddress!, wanted.count) == 0 {
                        return Int(candidate)
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// True when at least one value sits at `key`.
    public func contains(_ key: Key) -> Bool { firstLeaf(key) != nil }

    /// How many values sit at `key`.
    public func count(_ key: Key) -> Int {
        var count = 0
        var next = firstLeaf(key).map { Int32($0) } ?? -1
        while next >= 0 {
            count += 1
            next = leaves[Int(next)].nextWithSamePath
        }
        return count
    }

    /// Calls `body` with each value at `key` in document order: the value's UTF-8 bytes (a string's
    /// decoded content, a literal's text) and whether it was a JSON string. The bytes are valid only
    /// during the call. Stops early when `body` returns false.
    public func forEachValue<Failure: Error>(
        _ key: Key, _ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ isString: Bool) throws(Failure) -> Bool
    ) throws(Failure) {
        guard let first = firstLeaf(key) else { return }
        try storage.withUnsafeBufferPointer { stored throws(Failure) in
            var next = Int32(first)
            while next >= 0 {
                let leaf = leaves[Int(next)]
                let bytes = UnsafeBufferPointer(rebasing: stored[leaf.valueStart..<leaf.valueStart + leaf.valueCount])
                guard try body(bytes, leaf.isString) else { return }
                next = leaf.nextWithSamePath
            }
        }
    }

    /// Calls `body` with the first value at `key` (see `forEachValue`); nil when the key is absent.
    public func withFirstValue<Result, Failure: Error>(
        _ key: Key, _ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ isString: Bool) throws(Failure) -> Result
    ) throws(Failure) -> Result? {
        guard let index = firstLeaf(key) else { return nil }
        let leaf = leaves[index]
        return try storage.withUnsafeBufferPointer { stored throws(Failure) in
            try body(UnsafeBufferPointer(rebasing: stored[leaf.valueStart..<leaf.valueStart + leaf.valueCount]),
                     leaf.isString)
        }
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
        withFirstValue(key) { bytes, _ in String(decoding: bytes, as: UTF8.self) }
    }

    /// Every value's text at `key`.
    public func strings(_ key: Key) -> [String] { values(key).map(\.text) }

    /// The first value as an integer, whether written as a number or a numeric string
    /// (`445`, `"445"`, `4.45e2`); nil when absent or not integral.
    public func integer(_ key: Key) -> Int64? {
        withFirstValue(key) { bytes, _ in NumericText.integer(bytes) } ?? nil
    }

    /// The first value as a boolean (`true`/`false` in any letter case, also as strings).
    public func bool(_ key: Key) -> Bool? {
        withFirstValue(key) { bytes, _ -> Bool? in
            if NumericText.equalsIgnoringCase(bytes, "true") { return true }
            if NumericText.equalsIgnoringCase(bytes, "false") { return false }
            return nil
        } ?? nil
    }
}
