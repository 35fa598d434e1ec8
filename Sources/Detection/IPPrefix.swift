/// A CIDR prefix such as `10.0.0.0/8` or `fe80::/10`; a bare address is a full-length prefix.
///
/// IPv4 prefixes are held in the IPv4-mapped block, so `10.0.0.0/8` covers `::ffff:10.0.0.0/104`.
public struct IPPrefix: Hashable, Sendable {
    /// The first address of the block (host bits cleared).
    public let network: IPAddress
    /// The prefix length as written: 0–32 for IPv4, 0–128 for IPv6.
    public let length: Int

    /// The block of `length` leading bits of `address`; host bits are cleared.
    public init(address: IPAddress, length: Int) {
        let bits = address.isIPv4 ? length + 96 : length
        precondition((0...128).contains(bits), "prefix length out of range")
        let (maskHigh, maskLow) = Self.mask(bits: bits)
        network = IPAddress(high: address.high & maskHigh, low: address.low & maskLow)
        self.length = length
    }

    /// The number of leading bits fixed in the 128-bit space.
    var bits: Int { network.isIPv4 ? length + 96 : length }

    /// The last address of the block.
    public var last: IPAddress {
        let (maskHigh, maskLow) = Self.mask(bits: bits)
        return IPAddress(high: network.high | ~maskHigh, low: network.low | ~maskLow)
    }

    /// The 32-bit value of a prefix that is exactly one IPv4 address, else nil.
    var singleIPv4Address: UInt32? {
        bits == 128 ? network.ipv4Value : nil
    }

    /// True when `address` lies inside the block.
    public func contains(_ address: IPAddress) -> Bool {
        network <= address && address <= last
    }

    static func mask(bits: Int) -> (UInt64, UInt64) {
        let high: UInt64 = bits >= 64 ? .max : (bits == 0 ? 0 : ~UInt64(0) << UInt64(64 - bits))
        let low: UInt64 = bits <= 64 ? 0 : (bits == 128 ? .max : ~UInt64(0) << UInt64(128 - bits))
        return (high, low)
    }
}

extension IPPrefix {
    /// Parses `address/length` or a bare address (any IPv4 or IPv6 form `IPAddress` takes).
    /// Errors name the offending position.
    public init(parsing text: some StringProtocol) throws(IPAddressParseError) {
        let string = String(text)
        guard let slash = string.firstIndex(of: "/") else {
            let address = try IPAddress(parsing: string)
            self.init(address: address, length: address.isIPv4 ? 32 : 128)
            return
        }
        let addressText = string[..<slash]
        let lengthText = string[string.index(after: slash)...]
        let address: IPAddress
        do {
            address = try IPAddress(parsing: addressText)
        } catch {
            throw IPAddressParseError(text: string, offset: error.offset, reason: error.reason)
        }
        let slashOffset = string.distance(from: string.startIndex, to: slash)
        // An IPv4 address written in IPv4-mapped IPv6 form takes a 128-bit length, as in
        // Elasticsearch: `::ffff:10.0.0.0/104` is `10.0.0.0/8`. Lengths below 96 are refused:
        // `::ffff:10.0.0.0/8` would be `::/8`, every IPv4 address, which is surely not meant.
        let isMappedForm = address.isIPv4 && addressText.contains(":")
        let range = isMappedForm ? 96...128 : 0...(address.isIPv4 ? 32 : 128)
        guard !lengthText.isEmpty, lengthText.allSatisfy(\.isASCII), lengthText.allSatisfy(\.isNumber),
              let length = Int(lengthText), range.contains(length)
        else {
            let hint = isMappedForm ? " in IPv4-mapped form (or write the IPv4 block, e.g. 10.0.0.0/8)" : ""
            throw IPAddressParseError(text: string, offset: slashOffset + 1,
                                      reason: "prefix length must be a number from \(range.lowerBound) to \(range.upperBound)\(hint)")
        }
        self.init(address: address, length: isMappedForm ? length - 96 : length)
    }
}

extension IPPrefix: CustomStringConvertible {
    public var description: String { "\(network)/\(length)" }
}

extension IPPrefix: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try IPPrefix(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
