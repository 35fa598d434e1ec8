/// An IPv4 or IPv6 address held as 128 bits, the way Elasticsearch's `ip` type holds it.
///
/// IPv4 addresses live in the IPv4-mapped block `::ffff:0:0/96`, so `10.1.2.3` and
/// `::ffff:10.1.2.3` are the same value (Elasticsearch treats them as equal too) and one ordered
/// 128-bit space serves prefix sets for both families.
public struct IPAddress: Hashable, Comparable, Sendable {
    /// The upper 64 bits of the 128-bit value.
    public let high: UInt64
    /// The lower 64 bits of the 128-bit value.
    public let low: UInt64

    static let ipv4MappedHigh: UInt64 = 0
    static let ipv4MappedLowPrefix: UInt64 = 0x0000_FFFF_0000_0000

    /// The address with the given 128-bit value.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The IPv4 address with the given 32-bit value.
    public init(ipv4: UInt32) {
        self.init(high: Self.ipv4MappedHigh, low: Self.ipv4MappedLowPrefix | UInt64(ipv4))
    }

    /// True for IPv4 addresses (including ones written in IPv4-mapped IPv6 form).
    public var isIPv4: Bool {
        high == Self.ipv4MappedHigh && low & 0xFFFF_FFFF_0000_0000 == Self.ipv4MappedLowPrefix
    }

    /// The 32-bit value of an IPv4 address, nil for IPv6.
    public var ipv4Value: UInt32? {
        isIPv4 ? UInt32(truncatingIfNeeded: low) : nil
    }

    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        lhs.high != rhs.high ? lhs.high < rhs.high : lhs.low < rhs.low
    }

    /// The smallest and largest addresses of the 128-bit space.
    public static let zero = IPAddress(high: 0, low: 0)
    public static let max = IPAddress(high: .max, low: .max)

    /// The next address, or nil past the end of the space.
    var successor: IPAddress? {
        if low != .max { return IPAddress(high: high, low: low + 1) }
        if high != .max { return IPAddress(high: high + 1, low: 0) }
        return nil
    }

    /// The previous address, or nil before the start of the space.
    var predecessor: IPAddress? {
        if low != 0 { return IPAddress(high: high, low: low - 1) }
        if high != 0 { return IPAddress(high: high - 1, low: .max) }
        return nil
    }
}

/// Why a text is not an IP address; `offset` is the 0-based character position of the problem.
public struct IPAddressParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public let text: String
    public let offset: Int
    public let reason: String

    public var description: String {
        "invalid IP address \"\(text)\" at offset \(offset): \(reason)"
    }
}

extension IPAddress {
    /// Parses dotted-quad IPv4, or IPv6 in compressed, uncompressed, mixed-case or
    /// IPv4-suffixed form. Throws an error that names the offending position.
    public init(parsing text: some StringProtocol) throws(IPAddressParseError) {
        var bytes = Array(text.utf8)
        if let parsed = bytes.withUnsafeMutableBufferPointer({ Self.parse(UnsafeBufferPointer($0)) }) {
            self = parsed
            return
        }
        throw Self.diagnose(String(text))
    }

    /// Parses an address from UTF-8 bytes (IPv4 without allocating); nil when the bytes are not one.
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let parsed = Self.parse(bytes) else { return nil }
        self = parsed
    }

    /// Parses an address from a string; nil when it is not one.
    public init?(_ text: some StringProtocol) {
        guard let parsed = try? IPAddress(parsing: text) else { return nil }
        self = parsed
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> IPAddress? {
        if bytes.isEmpty { return nil }
        if bytes.contains(UInt8(ascii: ":")) { return parseIPv6(bytes) }
        return parseIPv4(bytes[...]).map { IPAddress(ipv4: $0) }
    }

    static func parseIPv4(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt32? {
        var value: UInt32 = 0
        var octet: UInt32 = 0
        var digits = 0
        var dots = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard digits > 0 else { return nil }
                value = value << 8 | octet
                octet = 0
                digits = 0
                dots += 1
                guard dots <= 3 else { return nil }
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                octet = octet * 10 + UInt32(byte - UInt8(ascii: "0"))
                digits += 1
                guard digits <= 3, octet <= 255 else { return nil }
            } else {
                return nil
            }
        }
        guard dots == 3, digits > 0 else { return nil }
        return value << 8 | octet
    }

    static func parseIPv6(_ bytes: UnsafeBufferPointer<UInt8>) -> IPAddress? {
        var groups = [UInt16](repeating: 0, count: 8)
        var count = 0
        var gapAt: Int? = nil
        var index = 0
        let end = bytes.count
        if end >= 2, bytes[0] == UInt8(ascii: ":") {
            guard bytes[1] == UInt8(ascii: ":") else { return nil }
            gapAt = 0
            index = 2
            if index == end { return IPAddress(high: 0, low: 0) }
        }
        while index < end {
            guard count < 8 else { return nil }
            var value: UInt32 = 0
            var digits = 0
            let groupStart = index
            while index < end, let nibble = hexValue(bytes[index]) {
                value = value << 4 | UInt32(nibble)
                digits += 1
                index += 1
                guard digits <= 4 else { return nil }
            }
            if index < end, bytes[index] == UInt8(ascii: ".") {
                // An IPv4 suffix takes the last two groups.
                guard count <= 6, let v4 = parseIPv4(bytes[groupStart..<end]) else { return nil }
                groups[count] = UInt16(v4 >> 16)
                groups[count + 1] = UInt16(v4 & 0xFFFF)
                count += 2
                index = end
                break
            }
            guard digits > 0 else { return nil }
            groups[count] = UInt16(value)
            count += 1
            if index == end { break }
            guard bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            if index < end, bytes[index] == UInt8(ascii: ":") {
                guard gapAt == nil else { return nil }
                gapAt = count
                index += 1
            } else if index == end {
                return nil
            }
        }
        if let gap = gapAt {
            guard count < 8 else { return nil }
            let tail = groups[gap..<count]
            let shifted = Array(repeating: UInt16(0), count: 8 - count) + tail
            groups.replaceSubrange(gap..<8, with: shifted)
        } else {
            guard count == 8 else { return nil }
        }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for position in 0..<4 { high = high << 16 | UInt64(groups[position]) }
        for position in 4..<8 { low = low << 16 | UInt64(groups[position]) }
        return IPAddress(high: high, low: low)
    }

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Explains, with a position, why `text` failed to parse.
    static func diagnose(_ text: String) -> IPAddressParseError {
        let characters = Array(text)
        func error(_ offset: Int, _ reason: String) -> IPAddressParseError {
            IPAddressParseError(text: text, offset: offset, reason: reason)
        }
        if characters.isEmpty { return error(0, "empty address") }
        let isV6 = characters.contains(":")
        for (offset, character) in characters.enumerated() {
            let allowed = character == "." || character.isASCII && (character.isNumber
                || isV6 && (character == ":" || character.isHexDigit))
            if !allowed { return error(offset, "unexpected character \"\(character)\"") }
        }
        if !isV6 {
            let octets = text.split(separator: ".", omittingEmptySubsequences: false)
            if octets.count != 4 { return error(0, "an IPv4 address has 4 dot-separated octets, found \(octets.count)") }
            var offset = 0
            for octet in octets {
                if octet.isEmpty { return error(offset, "empty octet") }
                if octet.count > 3 || Int(octet)! > 255 { return error(offset, "octet \(octet) is above 255") }
                offset += octet.count + 1
            }
            return error(0, "not an IPv4 address")
        }
        if let doubleGap = text.range(of: "::", range: (text.range(of: "::")?.upperBound ?? text.endIndex)..<text.endIndex) {
            return error(text.distance(from: text.startIndex, to: doubleGap.lowerBound), "\"::\" may appear only once")
        }
        var offset = 0
        let groups = text.split(separator: ":", omittingEmptySubsequences: false)
        for group in groups {
            if group.count > 4 && !group.contains(".") { return error(offset, "group \"\(group)\" has more than 4 hex digits") }
            offset += group.count + 1
        }
        return error(0, "not an IPv6 address (\(groups.count) groups)")
    }
}

extension IPAddress: CustomStringConvertible {
    /// Canonical text: dotted quad for IPv4, RFC 5952 compressed lower case for IPv6.
    public var description: String {
        if let v4 = ipv4Value {
            return "\(v4 >> 24).\(v4 >> 16 & 0xFF).\(v4 >> 8 & 0xFF).\(v4 & 0xFF)"
        }
        let groups = (0..<8).map { position -> UInt16 in
            let word = position < 4 ? high : low
            return UInt16(truncatingIfNeeded: word >> (UInt64(3 - position % 4) * 16))
        }
        var bestStart = -1
        var bestLength = 0
        var runStart = -1
        for position in 0...8 {
            if position < 8 && groups[position] == 0 {
                if runStart < 0 { runStart = position }
            } else if runStart >= 0 {
                let length = position - runStart
                if length > bestLength && length >= 2 { bestStart = runStart; bestLength = length }
                runStart = -1
            }
        }
        func hex(_ range: Range<Int>) -> String {
            range.map { String(groups[$0], radix: 16) }.joined(separator: ":")
        }
        if bestStart < 0 { return hex(0..<8) }
        return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
    }
}

extension IPAddress: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try IPAddress(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
