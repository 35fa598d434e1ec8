import TriageModel

/// The rule screen: recent executions and how far the text is scrolled.
struct RuleState: Hashable, Sendable {
    /// Newest first, as the store lists them.
    var executions: [ExecutionRecord] = []
    /// How the screen lists `executions`: newest first, or reversed with `I`.
    var order = ListOrder(column: 0, descending: true)
    var scroll = 0
    var isLoaded = false
    /// Executions the screen lists.
    static let executionLimit = 20
}
