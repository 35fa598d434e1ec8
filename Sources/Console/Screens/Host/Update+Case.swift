import Detection
import TriageModel

/// The host screen's case actions: moving the case, resolving it with a verdict, noting on it.
extension Update {
    /// Opens the form `action` needs for the case of the host in front (its case must be loaded).
    static func caseAction(_ state: inout ConsoleState, _ action: Action) -> [Effect] {
        guard let host = state.host else { return [] }
        guard let hostCase = host.hostCase else {
            state.message = .info("\(host.address) has no case yet: it has no alerts")
            return []
        }
        switch action {
        case .setCaseState:
            let targets = CaseTransition.targets(from: hostCase.state).filter { $0 != .resolved }
            state.overlay = .form(Form(title: "Case of \(host.address): \(hostCase.state.rawValue) →",
                                       purpose: .setCaseState(host.address, targets: targets), fields: [
                                           .choice(label: CaseField.state, options: targets.map(\.rawValue), selected: nil),
                                           .text(label: CaseField.reason, value: TextField(), hint: "optional"),
                                       ]))
        case .resolveCase:
            guard hostCase.state != .resolved else {
                state.message = .info("the case of \(host.address) is already resolved")
                return []
            }
            let closing = hostCase.openAlerts + hostCase.acknowledgedAlerts
            state.overlay = .form(Form(title: "Resolve the case of \(host.address)",
                                       purpose: .resolveCase(host.address, closing: closing), fields: [
                                           .choice(label: CaseField.verdict, options: CaseVerdict.allCases.map(\.description),
                                                   selected: nil),
                                           .text(label: CaseField.reason, value: TextField(), hint: "optional: why"),
                                       ]))
        default:
            state.overlay = .form(Form(title: "Add a note to the case of \(host.address)", purpose: .addCaseNote(host.address),
                                       fields: [.text(label: CaseField.note, value: TextField(), hint: "what you found")]))
        }
        return []
    }

    /// N or `:notes`: every note on the case of the host in front, over the screen (the host
    /// screen only: elsewhere it says so).
    static func openCaseNotes(_ state: inout ConsoleState) -> [Effect] {
        guard case .host = state.route else {
            state.message = .info("case notes are on a host's screen: open a host first")
            return []
        }
        state.overlay = .caseNotes(scroll: 0)
        return []
    }

    /// The labels of the case forms' fields.
    enum CaseField {
        static let state = "State", verdict = "Verdict", reason = "Reason", note = "Note"
    }

    /// What submitting a case form writes (resolving: after a confirmation), or why it cannot yet.
    static func validateCaseForm(_ form: Form) -> Result<(effect: Effect, confirmation: Confirmation?), FormError> {
        let reason = form.text(CaseField.reason).trimmingCharacters(in: .whitespaces)
        let optionalReason = reason.isEmpty ? nil : reason
        switch form.purpose {
        case .setCaseState(let host, let targets):
            guard let chosen = form.choice(CaseField.state) else { return .failure(FormError("choose a state")) }
            return .success((.setCaseState(host, targets[chosen], verdict: nil, reason: optionalReason), nil))
        case .resolveCase(let host, let closing):
            guard let chosen = form.choice(CaseField.verdict) else { return .failure(FormError("choose a verdict")) }
            let verdict = CaseVerdict.allCases[chosen]
            let effect = Effect.setCaseState(host, .resolved, verdict: verdict, reason: optionalReason)
            return .success((effect, Confirmation(
                title: "Resolve the case of \(host) as \(verdict)?",
                lines: [closing == 0 ? "No open or acknowledged alert to close."
                    : "Closes \(alertCount(closing, "open or acknowledged")) with the reason \"\(verdict)\"."]
                    + (optionalReason.map { ["Reason: \($0)"] } ?? []),
                effects: [effect])))
        case .addCaseNote(let host):
            let text = form.text(CaseField.note).trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? .failure(FormError("note is required")) : .success((.addCaseNote(host, text: text), nil))
        default:
            return .failure(FormError("not a case form"))
        }
    }

    /// "case of 10.1.2.3 resolved as true positive; 12 alerts closed".
    static func caseChangedMessage(_ host: IPAddress, _ change: CaseChange) -> String {
        let transition = change.transition
        var text = "case of \(host) \(transition.to.rawValue)"
        if let verdict = transition.verdict { text += " as \(verdict)" }
        if !change.closedAlertIDs.isEmpty { text += "; \(alertCount(change.closedAlertIDs.count)) closed" }
        return text
    }
}
