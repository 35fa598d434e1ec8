/// Comparing dotted paths 8 bytes at a time: paths are short, and a call to `memcmp` costs more
/// than the comparison. Both sides must be readable up to 7 bytes past `count` (a `RawBuffer`'s
/// spare capacity, a `FlatJSONObject.Key`'s padding); bytes past `count` do not take part.
/// An Ingest kernel file: raw pointers, checked against a plain comparison on generated paths.
enum PathBytesKernel {
    @inline(__always)
    static func equal(_ first: UnsafePointer<UInt8>, _ second: UnsafePointer<UInt8>, count: Int) -> Bool {
        let left = UnsafeRawPointer(first)
        let right = UnsafeRawPointer(second)
        var offset = 0
        while offset &+ 8 <= count {
            guard left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                == right.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
            offset &+= 8
        }
        let rest = count &- offset
        if rest == 0 { return true }
        let difference = UInt64(littleEndian: left.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            ^ UInt64(littleEndian: right.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        return difference & (UInt64.max &>> (64 &- 8 &* rest)) == 0
    }

    /// True when the `count` path bytes at `start` in `stored` equal the first `count` of `padded`
    /// (a `FlatJSONObject.Key`'s bytes, padded with at least 7 zero bytes).
    @inline(__always)
    static func equal(_ stored: RawBuffer<UInt8>, at start: Int, _ padded: LineBytes, count: Int) -> Bool {
        assert(count + 7 <= padded.count, "the key must be padded")
        return equal(stored.base + start, padded.unsafeBuffer.baseAddress!, count: count)
    }

    /// True when the `count` bytes at `start` in `stored` equal the `count` at `otherStart` in
    /// `other`; both buffers must have capacity for 7 bytes past the compared ones.
    @inline(__always)
    static func equal(_ stored: RawBuffer<UInt8>, at start: Int, _ other: RawBuffer<UInt8>, at otherStart: Int, count: Int) -> Bool {
        assert(start + count + 7 <= stored.capacity && otherStart + count + 7 <= other.capacity, "7 readable bytes past")
        return equal(stored.base + start, other.base + otherStart, count: count)
    }
}
