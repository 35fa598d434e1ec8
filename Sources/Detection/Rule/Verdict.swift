/// What the detector decides for one event.
public enum Verdict: Hashable, Sendable {
    /// The query does not match.
    case noMatch
    /// The query matches and no exception applies: one alert.
    case alert
    /// The query matches but the exception item with this id suppresses it.
    case suppressed(exceptionID: String)
}
