/// A point in time as whole microseconds since 1970-01-01T00:00:00Z, formatted by hand (no
/// `Date()`, no `DateFormatter`), so the generated files never depend on the clock or the locale.
struct Timestamp: Comparable {
    var microseconds: Int64

    /// Midnight UTC of a calendar day.
    init(year: Int, month: Int, day: Int) {
        microseconds = Int64(Self.daysSinceEpoch(year: year, month: month, day: day)) * 86_400_000_000
    }

    init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    /// This time plus a number of seconds (fractions allowed down to the microsecond).
    func adding(seconds: Double) -> Timestamp {
        Timestamp(microseconds: microseconds + Int64((seconds * 1_000_000).rounded()))
    }

    func adding(microseconds delta: Int64) -> Timestamp {
        Timestamp(microseconds: microseconds + delta)
    }

    /// This time at hour:minute:second of its day.
    func at(hour: Int, minute: Int, second: Int = 0) -> Timestamp {
        adding(microseconds: Int64(hour * 3600 + minute * 60 + second) * 1_000_000)
    }

    static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.microseconds < rhs.microseconds }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
