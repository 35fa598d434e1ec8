/// The sample at `fraction` (0...1) of the way through `sorted` (nearest rank below; `sorted` must
/// be in ascending order and not empty): 0.5 is the median, 0.99 the 99th percentile.
public func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    precondition(!sorted.isEmpty, "a percentile of no samples")
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
}
