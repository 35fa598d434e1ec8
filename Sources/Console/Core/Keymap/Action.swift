/// What a key asks for; the keymap maps keys to actions per context.
enum Action: Hashable, Sendable {
    case up, down, pageUp, pageDown, top, bottom
    case open, back, quit, nextPane, previousPane, mark
    case filter, cycleStatusFilter, cycleSort, help, command, refresh
    case acknowledge, close, reopen, acknowledgeHost, closeHost
    case addException, addNote, toggleGuideStep, showRaw
    case history, exceptions, rule, toggleBucket, toggleMetric
    case newException, editException, removeException
    case submit, cancel, nextField, previousField, confirm, decline
}
