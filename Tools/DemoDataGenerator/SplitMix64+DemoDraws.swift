import TestSupport

/// The draws the demo data is made of. The same seed gives the same demo data on every machine and
/// toolchain, because every draw goes through these methods (never the standard library's
/// `random(in:)`, whose algorithm is not promised to stay the same).
extension SplitMix64 {
    /// A uniform integer in `range` (multiply-high reduction; the bias is far below anything visible).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: width).high)
    }

    /// A uniform 64-bit integer in `range`.
    mutating func int64(in range: ClosedRange<Int64>) -> Int64 {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int64(next().multipliedFullWidth(by: width).high)
    }

    /// True with the given probability (0...1, in percent steps).
    mutating func chance(percent: Int) -> Bool {
        int(in: 0...99) < percent
    }

    /// One element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[int(in: 0...(elements.count - 1))]
    }

    /// `count` random bytes.
    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
    }

    /// A random string of `count` characters drawn from `alphabet`.
    mutating func string(_ count: Int, from alphabet: [Character]) -> String {
        String((0..<count).map { _ in pick(alphabet) })
    }
}
