import ArgumentParser
import Detection

/// A retention period on the command line: whole days as `30d`, or weeks as `4w` (at most 100 years).
struct RetentionDays: ExpressibleByArgument {
    let days: Int

    init?(argument: String) {
        guard let seconds = DateExpression.duration(argument), seconds >= 86_400, seconds <= 36_500 * 86_400,
              seconds.truncatingRemainder(dividingBy: 86_400) == 0 else { return nil }
        days = Int(seconds / 86_400)
    }

    static var defaultCompletionKind: CompletionKind { .list(["30d", "180d", "730d"]) }
}
