/// An IPv4 or IPv6 CIDR block, enough to restate the rule's address clauses over the addresses the
/// story writes (dotted quads; IPv6 with or without `::`, any letter case, leading zeros allowed).
struct AddressBlock {
    private let network: [UInt8]
    private let prefixLength: Int

    /// `"10.0.0.0/8"`, `"FE80::/10"`, or a single address.
    init(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard let address = Self.bytes(of: String(parts[0])) else {
            preconditionFailure("not an address block: \(text)")
        }
        network = address
        prefixLength = parts.count == 2 ? Int(parts[1])! : address.count * 8
    }

    /// True when `address` lies in this block (never across address families).
    func contains(_ address: String) -> Bool {
        guard let bytes = Self.bytes(of: address), bytes.count == network.count else { return false }
        var remaining = prefixLength
        for (candidate, base) in zip(bytes, network) where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if candidate & mask != base & mask { return false }
            remaining -= bits
        }
        return true
    }

    /// The 4 or 16 bytes of an address, or nil when the text is not one.
    static func bytes(of text: String) -> [UInt8]? {
        if text.contains(":") { return ipv6Bytes(text) }
        let octets = text.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
        return octets.count == 4 ? octets : nil
    }

    private static func ipv6Bytes(_ text: String) -> [UInt8]? {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            let values = part.split(separator: ":", omittingEmptySubsequences: false).map { UInt16($0, radix: 16) }
            return values.contains(nil) ? nil : values.compactMap { $0 }
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
            all += Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
}
