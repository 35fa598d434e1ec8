import TriageModel

/// The rule screen: recent executions and how far the text is scrolled.
struct RuleState: Hashable, Sendable {
    var executions: [ExecutionRecord] = []
    var scroll = 0
    var isLoaded = false
    /// Executions the screen lists.
    static let executionLimit = 20
}
