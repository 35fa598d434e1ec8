/// The rule screen's loading.
extension Update {
    /// Takes the detector's recent executions.
    static func applyRuleLoaded(_ state: inout ConsoleState, _ msg: Msg) -> Bool {
        guard case .executionsLoaded(let executions) = msg else { return false }
        state.ruleScreen.executions = executions
        state.ruleScreen.isLoaded = true
        return true
    }
}
