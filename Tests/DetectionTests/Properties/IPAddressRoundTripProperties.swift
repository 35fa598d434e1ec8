import PropertyBased
import Testing
import TestSupport
@testable import Detection

/// Print and parse are inverses on generated addresses, and printing gives the canonical form
/// (dotted quad for IPv4 and IPv4-mapped IPv6; RFC 5952 for the rest).
@Suite struct IPAddressRoundTripProperties {
    /// An address from one seed: a plain IPv4 address, or eight IPv6 groups drawn so that runs of
    /// zero groups of every length and position occur (where the `::` rules bite).
    static func address(seed: UInt64) -> IPAddress {
        var random = SplitMix64(seed: seed)
        if random.next(below: 4) == 0 { return IPAddress(ipv4: UInt32(truncatingIfNeeded: random.next())) }
        let groups: [UInt16] = (0..<8).map { _ in
            switch random.next(below: 6) {
            case 0, 1, 2: 0
            case 3: UInt16(random.next(below: 16))
            default: UInt16(truncatingIfNeeded: random.next())
            }
        }
        return IPAddress(groups: groups)
    }

    @Test func printedAddressesParseBackToThemselves() async {
        await propertyCheck(count: 5_000, input: Gen.uint64()) { seed in
            let address = Self.address(seed: seed)
            #expect(IPAddress(address.description) == address, "\(address)")
        }
    }

    @Test func printingGivesTheCanonicalForm() async {
        await propertyCheck(count: 5_000, input: Gen.uint64()) { seed in
            let address = Self.address(seed: seed)
            #expect(address.description == CanonicalAddressText.of(address), "\(address.groups)")
        }
    }

    /// Every spelling the parser accepts (all eight groups with leading zeros, upper case) reads
    /// as the same address as the canonical text.
    @Test func uncompressedAndUpperCaseSpellingsParseToTheSameAddress() async {
        await propertyCheck(count: 5_000, input: Gen.uint64()) { seed in
            let address = Self.address(seed: seed)
            let full = address.groups.map { group in
                let hex = String(group, radix: 16)
                return String(repeating: "0", count: 4 - hex.count) + hex
            }.joined(separator: ":")
            #expect(IPAddress(full) == address, "\(full)")
            #expect(IPAddress(full.uppercased()) == address, "\(full)")
        }
    }
}

extension IPAddress {
    /// The address from its eight 16-bit groups, most significant first.
    init(groups: [UInt16]) {
        let word = { (range: Range<Int>) in range.reduce(UInt64(0)) { $0 << 16 | UInt64(groups[$1]) } }
        self.init(high: word(0..<4), low: word(4..<8))
    }

    /// The eight 16-bit groups, most significant first.
    var groups: [UInt16] {
        (0..<8).map { UInt16(truncatingIfNeeded: (($0 < 4 ? high : low) >> (UInt64(3 - $0 % 4) * 16))) }
    }
}

/// A plain statement of the canonical text, written independently of `IPAddress.description`.
enum CanonicalAddressText {
    static func of(_ address: IPAddress) -> String {
        let groups = address.groups
        if groups[0..<5].allSatisfy({ $0 == 0 }) && groups[5] == 0xFFFF {
            return [groups[6] >> 8, groups[6] & 0xFF, groups[7] >> 8, groups[7] & 0xFF].map(String.init).joined(separator: ".")
        }
        // RFC 5952 §4.2: `::` shortens the longest run of two or more zero groups, the first on a tie.
        var longest: Range<Int>? = nil
        for start in 0..<8 {
            var end = start
            while end < 8 && groups[end] == 0 { end += 1 }
            if end - start >= 2 && end - start > (longest?.count ?? 0) { longest = start..<end }
        }
        let hex = { (range: Range<Int>) in range.map { String(groups[$0], radix: 16) }.joined(separator: ":") }
        guard let run = longest else { return hex(0..<8) }
        return hex(0..<run.lowerBound) + "::" + hex(run.upperBound..<8)
    }
}
