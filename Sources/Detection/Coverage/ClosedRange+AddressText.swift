extension ClosedRange where Bound == IPAddress {
    /// The range as a CIDR block when it is exactly one (`fe80::/10`, `::1/128`), else `first-last`.
    var cidrText: String {
        for bits in 0...128 {
            let (maskHigh, maskLow) = IPPrefix.mask(bits: bits)
            let isBlock = lowerBound.high & ~maskHigh == 0 && lowerBound.low & ~maskLow == 0
                && upperBound.high == lowerBound.high | ~maskHigh && upperBound.low == lowerBound.low | ~maskLow
            guard isBlock else { continue }
            let length = lowerBound.isIPv4 && bits >= 96 ? bits - 96 : bits
            return "\(IPPrefix(address: lowerBound, length: length))"
        }
        return "\(lowerBound)-\(upperBound)"
    }

    /// True when the whole range lies in the IPv4-mapped block.
    var isIPv4: Bool { lowerBound.isIPv4 && upperBound.isIPv4 }
}
