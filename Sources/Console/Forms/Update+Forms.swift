import Detection
import Foundation
import TriageModel

extension Update {
    private enum FieldLabel {
        static let reason = "Reason", details = "Details", note = "Note", scope = "Scope", comment = "Comment"
        static let expires = "Expires", closeMatching = "Close matching open alerts"
        static let source = "Source", destination = "Destination"
    }

    private static let expiryHint = "7d, 12h, 2026-12-31; empty: never"
    private static let commentHint = "required: why this traffic is expected"

    /// The scopes offered when adding an exception from an alert of `source` → `destination`:
    /// the destination, its /24 (IPv6: /64), the pair, the source host.
    static func alertExceptionScopes(source: IPAddress, destination: IPAddress) -> [ExceptionScope] {
        let single = { (address: IPAddress) in IPPrefix(address: address, length: address.isIPv4 ? 32 : 128) }
        return [
            .destination(single(destination)),
            .destination(IPPrefix(address: destination, length: destination.isIPv4 ? 24 : 64)),
            .pair(source: single(source), destination: single(destination)),
            .source(single(source)),
        ]
    }

    /// Asks why alerts are closed: one of Kibana's reasons, with details (required for "other").
    static func closeForm(_ purpose: Form.Purpose, title: String) -> Form {
        Form(title: title, purpose: purpose, fields: [
            .choice(label: FieldLabel.reason, options: closeReasons, selected: nil),
            .text(label: FieldLabel.details, value: TextField(), hint: "optional; required for other"),
        ])
    }

    /// Adds an exception from an alert: the scope, a comment, an expiry, and whether to close the
    /// open alerts it matches.
    static func exceptionFromAlertForm(source: IPAddress, destination: IPAddress) -> Form {
        let scopes = alertExceptionScopes(source: source, destination: destination)
        let labels = ["this destination", "its block", "this host → destination", "this host"]
        return Form(title: "Add an exception from this alert", purpose: .exceptionFromAlert(source: source, destination: destination),
                    fields: [
                        .choice(label: FieldLabel.scope, options: zip(labels, scopes).map { "\($0): \($1.summary)" }, selected: 0),
                        .text(label: FieldLabel.comment, value: TextField(), hint: commentHint),
                        .text(label: FieldLabel.expires, value: TextField(), hint: expiryHint),
                        .checkbox(label: FieldLabel.closeMatching, checked: true),
                    ])
    }

    /// Adds an exception typed in full on the exceptions screen.
    static func newExceptionForm() -> Form {
        Form(title: "Add an exception", purpose: .newException, fields: [
            .choice(label: FieldLabel.scope, options: ["destination", "source", "source → destination"], selected: 0),
            .text(label: FieldLabel.source, value: TextField(), hint: "address or CIDR (source and pair scopes)"),
            .text(label: FieldLabel.destination, value: TextField(), hint: "address or CIDR (destination and pair scopes)"),
            .text(label: FieldLabel.comment, value: TextField(), hint: commentHint),
            .text(label: FieldLabel.expires, value: TextField(), hint: expiryHint),
            .checkbox(label: FieldLabel.closeMatching, checked: true),
        ])
    }

    /// Changes an exception's comment and expiry.
    static func editExceptionForm(_ item: ExceptionItem, timeZone: TimeZone) -> Form {
        Form(title: "Edit \(item.name)", purpose: .editException(item), fields: [
            .text(label: FieldLabel.comment, value: TextField(item.comment), hint: commentHint),
            .text(label: FieldLabel.expires, value: TextField(Expiry.text(for: item.expiresAt, timeZone: timeZone)), hint: expiryHint),
        ])
    }

    /// The scope an exception form describes, or why it describes none yet.
    static func exceptionScope(of form: Form) -> Result<ExceptionScope, FormError> {
        switch form.purpose {
        case .exceptionFromAlert(let source, let destination):
            let scopes = alertExceptionScopes(source: source, destination: destination)
            return .success(scopes[min(form.choice(FieldLabel.scope) ?? 0, scopes.count - 1)])
        case .newException:
            func prefix(_ label: String) -> Result<IPPrefix, FormError> {
                let text = form.text(label).trimmingCharacters(in: .whitespaces)
                do { return .success(try IPPrefix(parsing: text)) } catch {
                    return .failure(FormError(text.isEmpty ? "\(label.lowercased()) is required" : error.description))
                }
            }
            switch form.choice(FieldLabel.scope) ?? 0 {
            case 0: return prefix(FieldLabel.destination).map { .destination($0) }
            case 1: return prefix(FieldLabel.source).map { .source($0) }
            default:
                return prefix(FieldLabel.source).flatMap { source in
                    prefix(FieldLabel.destination).map { .pair(source: source, destination: $0) }
                }
            }
        default:
            return .failure(FormError("not an exception form"))
        }
    }

    /// What the exception guard says about an exception of `scope`, judged with the exceptions
    /// the console has loaded (an expiry in the past never gets this far: `Expiry` refuses it).
    static func exceptionConcerns(_ scope: ExceptionScope, state: ConsoleState) -> [ExceptionConcern] {
        let item = ExceptionItem(id: "", scope: scope, comment: "", author: "", createdAt: state.now)
        let exceptionGuard = state.exceptions.exceptionGuard
            ?? ExceptionGuard(rule: state.compiledRule, existing: [], now: state.now)
        return exceptionGuard.concerns(about: item)
    }

    /// Why a form cannot be submitted.
    struct FormError: Error, Hashable, Sendable {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// Submits a form: validates it (keeping it open with the error when invalid), then returns the
    /// write or asks for confirmation first (no reopens the form as it was).
    static func submit(_ state: inout ConsoleState, _ form: Form) -> [Effect] {
        switch validate(form, state: state) {
        case .failure(let error):
            var form = form
            form.error = error.message
            state.overlay = .form(form)
            return []
        case .success(let outcome):
            if var confirmation = outcome.confirmation {
                confirmation.form = form
                state.overlay = .confirm(confirmation)
                return []
            }
            state.overlay = form.returnsToCaseNotes.map { _ in .caseNotes(scroll: 0) }
            return outcome.effects
        }
    }

    private struct FormOutcome {
        var effects: [Effect]
        var confirmation: Confirmation?
    }

    private static func validate(_ form: Form, state: ConsoleState) -> Result<FormOutcome, FormError> {
        func required(_ label: String) -> Result<String, FormError> {
            let text = form.text(label).trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? .failure(FormError("\(label.lowercased()) is required")) : .success(text)
        }
        func expiry() -> Result<Date?, FormError> {
            do { return .success(try Expiry.parse(form.text(FieldLabel.expires), now: state.now, timeZone: state.timeZone)) } catch {
                return .failure(FormError(error.message))
            }
        }
        switch form.purpose {
        case .setCaseState, .resolveCase, .addCaseNote:
            return validateCaseForm(form).map {
                FormOutcome(effects: $0.confirmation == nil ? [$0.effect] : [], confirmation: $0.confirmation)
            }
        case .closeAlerts, .closeHostAlerts:
            guard let chosen = form.choice(FieldLabel.reason) else { return .failure(FormError("choose a reason")) }
            let reason = closeReasons[chosen]
            let details = form.text(FieldLabel.details).trimmingCharacters(in: .whitespaces)
            if reason == "other", details.isEmpty { return .failure(FormError("details are required for other")) }
            let text = details.isEmpty ? reason : "\(reason): \(details)"
            if case .closeHostAlerts(let host, let count) = form.purpose {
                return .success(FormOutcome(effects: [], confirmation: Confirmation(
                    title: "Close \(alertCount(count, "open")) of \(host)?", lines: ["Reason: \(text)"],
                    effects: [.setHostStatus(host, .closed, reason: text)])))
            }
            guard case .closeAlerts(let targets) = form.purpose else { return .failure(FormError("no alerts")) }
            let effect = Effect.setStatus(targets, reason: text)
            guard targets.unseen > 0 else { return .success(FormOutcome(effects: [effect])) }
            return .success(FormOutcome(effects: [], confirmation: Confirmation(
                title: "\(targets.title)?", lines: ["Reason: \(text)"] + targets.questionLines, effects: [effect])))
        case .addNote(let alertID):
            return required(FieldLabel.note).map { FormOutcome(effects: [.addNote(alertID: alertID, text: $0)]) }
        case .exceptionFromAlert, .newException:
            return exceptionScope(of: form).flatMap { scope in
                required(FieldLabel.comment).flatMap { comment in
                    expiry().map { expiresAt in
                        let effect = Effect.addException(scope, comment: comment, createdAt: state.now, expiresAt: expiresAt,
                                                         closeMatching: form.isChecked(FieldLabel.closeMatching))
                        let concerns = exceptionConcerns(scope, state: state)
                        if !concerns.isEmpty {
                            let isBroad = concerns.contains { $0.kind != .singleInternalHost }
                            return FormOutcome(effects: [], confirmation: Confirmation(
                                title: isBroad ? "This exception is very broad. Add it anyway?"
                                    : "This exception silences one internal host. Add it anyway?",
                                lines: concerns.map(\.message), effects: [effect]))
                        }
                        guard case .newException = form.purpose else { return FormOutcome(effects: [effect]) }
                        return FormOutcome(effects: [], confirmation: Confirmation(
                            title: "Add the exception \(scope.summary)?", lines: ["Comment: \(comment)"], effects: [effect]))
                    }
                }
            }
        case .editException(var item):
            let wasActive = item.isActive(at: state.now)
            return required(FieldLabel.comment).flatMap { comment in
                expiry().map { expiresAt in
                    item.comment = comment
                    item.expiresAt = expiresAt
                    // A new expiry brings an expired item back: the guard judges it as a new one.
                    let others = state.exceptions.records.map(\.item).filter { $0.id != item.id }
                    let concerns = wasActive ? []
                        : ExceptionGuard(rule: state.compiledRule, existing: others, now: state.now).concerns(about: item)
                    return FormOutcome(effects: [], confirmation: Confirmation(
                        title: "Save the changes to \(item.name)?",
                        lines: ["Expires: \(expiresAt.map { DateText.minute($0, timeZone: state.timeZone) } ?? "never")"]
                            + concerns.map(\.message),
                        effects: [.updateException(item)]))
                }
            }
        }
    }
}
