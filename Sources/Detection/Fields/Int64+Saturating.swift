extension Int64 {
    /// `self + other`, held at `Int64.max` (or `.min`) instead of trapping: byte and packet counts come
    /// from logs, and a total of attacker-written counts must not crash a reader, the store's writer
    /// or the console.
    public func saturatingAdding(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }
}

extension Sequence {
    /// The saturating total of `value` over the elements (see `Int64.saturatingAdding`).
    public func saturatingSum(of value: (Element) -> Int64) -> Int64 {
        reduce(Int64(0)) { $0.saturatingAdding(value($1)) }
    }
}
