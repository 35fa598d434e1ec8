/// FNV-1a over path bytes. Extending a prefix's hash with `.` and a key gives the joined path's
/// hash, so the parser hashes each key once however deep it is.
enum PathHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always)
    static func extend(_ hash: UInt64, with byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    static func extend(_ hash: UInt64, with bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = hash
        for byte in bytes { hash = extend(hash, with: byte) }
        return hash
    }
}
