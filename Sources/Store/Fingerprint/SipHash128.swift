/// SipHash-2-4 with a 128-bit tag (Aumasson & Bernstein; the reference `siphash.c` with
/// `outlen == 16`). A keyed hash built to resist crafted collisions: log text is attacker-
/// controlled, and a collision would make the store drop an event as a duplicate.
struct SipHash128 {
    private var v0: UInt64
    private var v1: UInt64
    private var v2: UInt64
    private var v3: UInt64
    /// The bytes appended since the last whole word, little-endian, and how many they are.
    private var pending: UInt64 = 0
    private var pendingCount = 0
    private var length = 0

    /// A hasher keyed with the 16-byte key `(k0, k1)`, each half read little-endian.
    init(k0: UInt64, k1: UInt64) {
        v0 = 0x736f_6d65_7073_6575 ^ k0
        v1 = 0x646f_7261_6e64_6f6d ^ k1 ^ 0xee
        v2 = 0x6c79_6765_6e65_7261 ^ k0
        v3 = 0x7465_6462_7974_6573 ^ k1
    }

    /// The 16-byte tag of `message`, in the reference implementation's byte order.
    static func tag(of message: UnsafeRawBufferPointer, k0: UInt64, k1: UInt64) -> [UInt8] {
        var hasher = SipHash128(k0: k0, k1: k1)
        hasher.append(message)
        return hasher.finish()
    }

    /// Hashes `bytes` as the continuation of what was appended before: the tag of a message
    /// appended in parts is the tag of the whole, with no copy to join them.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        length &+= bytes.count
        var index = 0
        if pendingCount > 0 {
            while pendingCount < 8, index < bytes.count {
                takePending(bytes[index])
                index += 1
            }
            guard pendingCount == 8 else { return }
            absorb(pending)
            pending = 0
            pendingCount = 0
        }
        while index + 8 <= bytes.count {
            absorb(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            index += 8
        }
        while index < bytes.count {
            takePending(bytes[index])
            index += 1
        }
    }

    /// The 16-byte tag of everything appended, in the reference implementation's byte order.
    mutating func finish<Tag: RangeReplaceableCollection<UInt8>>() -> Tag {
        absorb(UInt64(truncatingIfNeeded: length) << 56 | pending)
        v2 ^= 0xee
        rounds(4)
        let low = v0 ^ v1 ^ v2 ^ v3
        v1 ^= 0xdd
        rounds(4)
        let high = v0 ^ v1 ^ v2 ^ v3
        return withUnsafeBytes(of: (low.littleEndian, high.littleEndian)) { Tag($0) }
    }

    @inline(__always)
    private mutating func takePending(_ byte: UInt8) {
        pending |= UInt64(byte) << (UInt64(pendingCount) * 8)
        pendingCount += 1
    }

    private mutating func absorb(_ word: UInt64) {
        v3 ^= word
        rounds(2)
        v0 ^= word
    }

    @inline(__always)
    private mutating func rounds(_ count: Int) {
        for _ in 0..<count {
            v0 &+= v1; v1 = v1.rotatedLeft(13); v1 ^= v0; v0 = v0.rotatedLeft(32)
            v2 &+= v3; v3 = v3.rotatedLeft(16); v3 ^= v2
            v0 &+= v3; v3 = v3.rotatedLeft(21); v3 ^= v0
            v2 &+= v1; v1 = v1.rotatedLeft(17); v1 ^= v2; v2 = v2.rotatedLeft(32)
        }
    }
}

private extension UInt64 {
    @inline(__always)
    func rotatedLeft(_ count: UInt64) -> UInt64 { self << count | self >> (64 - count) }
}
