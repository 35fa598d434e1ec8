/// Tells a packet capture from a log by its first four bytes.
enum CaptureMagic {
    /// Classic pcap (microsecond, nanosecond and Kuznetzov's modified format) in either byte
    /// order, and a pcapng Section Header Block.
    static let magicNumbers: Set<UInt32> = [
        0xA1B2_C3D4, 0xD4C3_B2A1, 0xA1B2_3C4D, 0x4D3C_B2A1, 0xA1B2_CD34, 0x34CD_B2A1, 0x0A0D_0D0A,
    ]

    /// True when `bytes` start like a capture file.
    static func isCapture(_ bytes: some Collection<UInt8>) -> Bool {
        guard bytes.count >= 4 else { return false }
        let value = bytes.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return magicNumbers.contains(value)
    }

    /// True when the input whose first bytes are `head` holds a capture, gzip-compressed or not:
    /// a gzip head is inflated just far enough to see the first four bytes.
    static func isCapture(head: [UInt8], isGzip: Bool) -> Bool {
        guard isGzip else { return isCapture(head) }
        guard let inflater = try? GzipSource(compressed: MemorySource(head)) else { return false }
        var first = [UInt8](repeating: 0, count: 4)
        var filled = 0
        while filled < 4 {
            let count = first.withUnsafeMutableBytes { buffer in
                (try? inflater.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))) ?? 0
            }
            if count == 0 { break }
            filled += count
        }
        return isCapture(first[..<filled])
    }
}
