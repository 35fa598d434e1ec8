/// SQL for totals of byte counts that hold at the largest integer instead of failing: counts come
/// from logs, and SQLite's `+` turns an overflow into an inexact REAL while `SUM` raises "integer
/// overflow", which would break every later read of that host.
enum SaturatingSQL {
    /// `left + right`, at most `Int64.max` (an overflowing `+` yields a REAL above it, so `min`
    /// returns the integer bound).
    static func sum(_ left: String, _ right: String) -> String {
        "min(\(left) + \(right), \(Int64.max))"
    }

    /// The total of `expression` over a group as an INTEGER (0 for none), at most `Int64.max`:
    /// `TOTAL` adds in floating point and never raises; the CAST brings it back to an integer.
    static func total(_ expression: String) -> String {
        "CAST(min(TOTAL(\(expression)), \(Int64.max)) AS INTEGER)"
    }
}
