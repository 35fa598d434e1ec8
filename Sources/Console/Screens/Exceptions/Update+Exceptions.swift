import Detection

/// The exceptions screen's loading.
extension Update {
    /// Takes the exception list (and the guard built over it), keeping the selection.
    static func applyExceptionsLoaded(_ state: inout ConsoleState, _ msg: Msg) -> Bool {
        guard case .exceptionsLoaded(let records) = msg else { return false }
        let selected = state.exceptions.selected?.id
        state.exceptions.records = state.exceptions.order.reversed ? records.reversed() : records
        state.exceptions.exceptionGuard = ExceptionGuard(rule: state.compiledRule, existing: records.map(\.item), now: state.now)
        state.exceptions.isLoaded = true
        if let selected, let index = state.exceptions.records.firstIndex(where: { $0.id == selected }) {
            state.exceptions.cursor.selected = index
        }
        state.exceptions.cursor.resize(count: records.count, visible: state.layout.exceptionRows)
        return true
    }
}
