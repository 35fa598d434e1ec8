import Foundation

/// The look-back of a rule's `from` date math (`now-9m`): how far before an execution's time
/// its window on ingest time starts.
struct LookbackWindow {
    let seconds: TimeInterval

    /// Parses `now-<number><s|m|h|d>`.
    init(_ from: String) throws(StoreError) {
        let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        guard from.hasPrefix("now-"), let unit = from.last, let multiplier = units[unit],
              let amount = Int(from.dropFirst(4).dropLast()), amount >= 0 else {
            throw .unsupportedLookback(from)
        }
        seconds = TimeInterval(amount) * multiplier
    }

    /// The window start for an execution at `time`.
    func start(endingAt time: Date) -> Date {
        time.addingTimeInterval(-seconds)
    }
}
