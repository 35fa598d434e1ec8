/// Durations from a log in nanoseconds, as ECS keeps `event.duration`, computed without a trap:
/// a value that does not fit Int64 (about 292 years) or is not finite gives nil, which a reader
/// turns into a rejection.
enum DurationNanoseconds {
    /// `seconds`, rounded to the nanosecond; nil when not finite or out of Int64's range.
    static func of(seconds: Double) -> Int64? {
        let nanoseconds = (seconds * 1e9).rounded()
        // Int64.max is not a Double; 2^63 is the first value that does not fit.
        guard nanoseconds.isFinite, nanoseconds >= -9.223_372_036_854_775_808e18,
              nanoseconds < 9.223_372_036_854_775_808e18 else { return nil }
        return Int64(nanoseconds)
    }

    /// `seconds` plus `nanoseconds`; nil when the sum does not fit Int64.
    static func of(seconds: Int64, nanoseconds: Int64 = 0) -> Int64? {
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, carry) = scaled.addingReportingOverflow(nanoseconds)
        return overflow || carry ? nil : total
    }
}
