import Detection
import ScreenCore
import TriageModel

/// A small dialog of fields: text lines, choices cycled with ←/→ or Space (a choice may start with
/// nothing selected, so the analyst must pick), and checkboxes.
struct Form: Hashable, Sendable {
    enum Field: Hashable, Sendable {
        case text(label: String, value: TextField, hint: String)
        case choice(label: String, options: [String], selected: Int?)
        case checkbox(label: String, checked: Bool)

        var label: String {
            switch self {
            case .text(let label, _, _), .choice(let label, _, _), .checkbox(let label, _): label
            }
        }
    }

    /// What submitting the form does.
    enum Purpose: Hashable, Sendable {
        /// Close these alerts with the chosen reason (confirmed after the form when some are marks
        /// on rows not loaded).
        case closeAlerts(AlertTargets)
        /// Close the host's open alerts with the chosen reason (confirmed after the form).
        case closeHostAlerts(IPAddress, openCount: Int)
        case addNote(alertID: Int64)
        /// Move the host's case to one of `targets` (the states it may become, resolving aside).
        case setCaseState(IPAddress, targets: [CaseState])
        /// Resolve the host's case with a verdict, closing its `closing` open and acknowledged alerts (confirmed).
        case resolveCase(IPAddress, closing: Int)
        case addCaseNote(IPAddress)
        /// Add an exception from an alert of `source` → `destination`.
        case exceptionFromAlert(source: IPAddress, destination: IPAddress)
        /// Add an exception typed from the exceptions screen.
        case newException
        case editException(ExceptionItem)
    }

    var title: String
    var purpose: Purpose
    var fields: [Field]
    var focus = 0
    /// Why the last submit was refused.
    var error: String?
    /// The scroll of the case-notes overlay the form was opened from: cancelling returns to it as
    /// it was, saving returns to it at the top, where the new note shows.
    var returnsToCaseNotes: Int?
    /// For an exception form: how many open alerts the scope chosen would close.
    var preview: ExceptionPreview?

    /// The text of the field labelled `label` ("" when absent).
    func text(_ label: String) -> String {
        for case .text(label, let value, _) in fields { return value.text }
        return ""
    }

    /// The chosen option index of the choice labelled `label` (nil when absent or nothing is chosen yet).
    func choice(_ label: String) -> Int? {
        for case .choice(label, _, let selected) in fields { return selected }
        return nil
    }

    /// Whether the checkbox labelled `label` is ticked.
    func isChecked(_ label: String) -> Bool {
        for case .checkbox(label, let checked) in fields { return checked }
        return false
    }

    /// Applies a key to the focused field; returns false when the field does not use it.
    mutating func edit(_ key: Key) -> Bool {
        guard fields.indices.contains(focus) else { return false }
        switch fields[focus] {
        case .text(let label, var value, let hint):
            guard value.edit(key) else { return false }
            fields[focus] = .text(label: label, value: value, hint: hint)
        case .choice(let label, let options, let selected):
            let step: Int
            switch key {
            case .left: step = -1
            case .right, .character(" "): step = 1
            default: return false
            }
            // From nothing chosen, → picks the first option and ← the last.
            let next = selected.map { ($0 + step + options.count) % options.count } ?? (step > 0 ? 0 : options.count - 1)
            fields[focus] = .choice(label: label, options: options, selected: next)
        case .checkbox(let label, let checked):
            guard key == .character(" ") || key == .character("x") else { return false }
            fields[focus] = .checkbox(label: label, checked: !checked)
        }
        error = nil
        return true
    }

    mutating func moveFocus(by delta: Int) {
        guard !fields.isEmpty else { return }
        focus = (focus + delta + fields.count) % fields.count
    }
}
