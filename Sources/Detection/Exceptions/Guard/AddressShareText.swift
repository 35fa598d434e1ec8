import Foundation

/// How the guard's messages write amounts of addresses: counts with thousands separators and
/// shares as an analyst reads them (`all`, `half`, `1/256`, `3.1%`).
enum AddressShareText {
    /// `16,777,216`; amounts beyond 2^63 (IPv6) as a power of two, e.g. `2^96`.
    static func count(_ value: Double) -> String {
        guard value < 9.2e18 else { return "2^\(Int(log2(value).rounded()))" }
        let digits = String(Int64(value.rounded()))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return grouped
    }

    /// A share of a whole: `all`, `half`, `1/4` … `1/256` … for powers of two, else a percentage.
    static func share(_ share: Double) -> String {
        if share >= 1 { return "all" }
        let power = -log2(share)
        if power >= 1, abs(power - power.rounded()) < 1e-9 {
            let exponent = Int(power.rounded())
            if exponent == 1 { return "half" }
            return exponent < 63 ? "1/\(count(Double(sign: .plus, exponent: exponent, significand: 1)))" : "1/2^\(exponent)"
        }
        let percent = share * 100
        return percent >= 10 ? String(format: "%.0f%%", percent) : String(format: "%.2g%%", percent)
    }
}
