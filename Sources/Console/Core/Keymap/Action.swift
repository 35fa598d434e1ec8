/// What a key asks for; the keymap maps keys to actions per context.
enum Action: Hashable, Sendable {
    case up, down, pageUp, pageDown, halfPageUp, halfPageDown, top, bottom
    case open, back, quit, nextPane, previousPane, mark, markRange, markAll
    case search, nextMatch, previousMatch, clearSearch
    case filter, cycleStatusFilter, toggleAllHosts, cycleAlertStatusFilter, cycleSort, reverseSort, help, command, refresh
    case acknowledge, close, reopen, acknowledgeHost, closeHost
    case setCaseState, resolveCase, addCaseNote
    case addException, addNote, toggleGuideStep, showRaw, togglePretty, nextConnectionAlert, previousConnectionAlert
    case history, exceptions, rule, toggleBucket, toggleMetric, caseNotes
    case newException, editException, removeException
    case submit, cancel, complete, nextField, previousField, confirm, decline

    /// Whether the action writes to the store (refused, and left out of the hints, when read-only).
    var writes: Bool {
        switch self {
        case .acknowledge, .close, .reopen, .acknowledgeHost, .closeHost, .setCaseState, .resolveCase, .addCaseNote, .addException, .addNote, .toggleGuideStep,
             .newException, .editException, .removeException: true
        default: false
        }
    }
}
