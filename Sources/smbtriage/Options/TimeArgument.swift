import ArgumentParser
import Detection
import Foundation

/// A point in time on the command line: an ISO-8601 date or date-time, or a duration ago (`24h`, `7d`).
struct PastTime: ExpressibleByArgument {
    let date: Date

    init?(argument: String) {
        guard let date = DateExpression.past(argument, now: Date()) else { return nil }
        self.date = date
    }
}

/// An expiry on the command line: a duration from now (`7d`, `12h`) or an ISO-8601 date or date-time.
struct FutureTime: ExpressibleByArgument {
    let date: Date

    init?(argument: String) {
        guard let date = DateExpression.future(argument, now: Date()) else { return nil }
        self.date = date
    }
}
