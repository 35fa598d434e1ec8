/// Where an execution stands between its write transactions.
struct ExecutionProgress {
    let window: DetectionCandidates.Source
    let cap: Int
    /// How many matches the window phase alerts at once (the cap when every candidate fits
    /// under it, else none: then all go through pending, so the oldest are alerted).
    var directAlerts = 0
    var isWindowDone = false
    /// A new-terms execution's history window and examined values; nil for a query rule.
    var newTerms: NewTermsScan?
    var isFinished = false

    init(window: DetectionCandidates.Source, cap: Int) {
        self.window = window
        self.cap = cap
    }
}
