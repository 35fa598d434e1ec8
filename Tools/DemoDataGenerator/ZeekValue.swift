/// One column value of a Zeek log, typed so the TSV and the JSON writer each render it their way.
enum ZeekValue {
    /// `-` in TSV; left out in JSON.
    case unset
    case string(String)
    case count(Int64)
    case time(Timestamp)
    /// Seconds, written with six decimals.
    case interval(Double)
    case bool(Bool)
    /// A `set[string]`; `(empty)` in TSV when it has no elements, left out in JSON.
    case set([String])

    /// Seconds with six decimals, from whole microseconds (no floating-point formatting).
    static func sixDecimals(_ seconds: Double) -> String {
        let micros = Int64((seconds * 1_000_000).rounded())
        let fraction = String(micros % 1_000_000)
        return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}
