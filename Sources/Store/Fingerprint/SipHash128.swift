/// SipHash-2-4 with a 128-bit tag (Aumasson & Bernstein; the reference `siphash.c` with
/// `outlen == 16`). A keyed hash built to resist crafted collisions: log text is attacker-
/// controlled, and a collision would make the store drop an event as a duplicate.
struct SipHash128 {
    private var v0: UInt64
    private var v1: UInt64
    private var v2: UInt64
    private var v3: UInt64

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
        let (low, high) = hasher.finish(message)
        return withUnsafeBytes(of: (low.littleEndian, high.littleEndian)) { Array($0) }
    }

    /// Absorbs the whole message and returns the tag as two little-endian words.
    private mutating func finish(_ message: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        let wholeWords = message.count / 8
        for index in 0..<wholeWords {
            absorb(UInt64(littleEndian: message.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)))
        }
        var last = UInt64(truncatingIfNeeded: message.count) << 56
        for offset in stride(from: message.count - 1, through: wholeWords * 8, by: -1) {
            last |= UInt64(message[offset]) << (UInt64(offset - wholeWords * 8) * 8)
        }
        absorb(last)
        v2 ^= 0xee
        rounds(4)
        let low = v0 ^ v1 ^ v2 ^ v3
        v1 ^= 0xdd
        rounds(4)
        return (low, v0 ^ v1 ^ v2 ^ v3)
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
