import Detection
import ScreenCore
import TriageModel

extension Update {
    /// The close reasons the form cycles: the case verdicts (Kibana's closing reasons), then "other".
    static let closeReasons = CaseVerdict.allCases.map(\.description) + ["other"]

    /// Starts a triage action: checks read-only, picks the target alerts, opens the form or the
    /// confirmation it needs, or returns the write.
    static func triage(_ state: inout ConsoleState, _ action: Action) -> [Effect] {
        guard !state.readOnly else {
            state.message = readOnlyMessage
            return []
        }
        switch action {
        case .acknowledge, .close, .reopen:
            let status: AlertStatus = switch action {
            case .acknowledge: .acknowledged
            case .close: .closed
            default: .open
            }
            guard let targets = alertTargets(state, status) else {
                state.message = .info("select an alert first (Tab to the alerts pane)")
                return []
            }
            if let question = targets.heldQuestion {
                state.overlay = .confirm(question)
            } else if targets.ids.isEmpty {
                // Nothing held, so every alert is in the status already.
                state.message = .info("no alert to change: " + AlertTargets.leftParts(targets.change).joined(separator: "; "))
            } else if status == .closed {
                state.overlay = .form(closeForm(.closeAlerts(targets), title: targets.summary))
            } else {
                let effect = Effect.setStatus(targets, reason: nil)
                guard targets.unseen > 0 else { return [effect] }
                state.overlay = .confirm(Confirmation(title: "\(targets.title)?", lines: targets.questionLines,
                                                      effects: [effect]))
            }
            return []
        case .acknowledgeHost, .closeHost:
            guard let host = state.hosts.list.selectedRow else { return [] }
            guard host.openAlerts > 0 else {
                state.message = .info("\(host.address) has no open alerts")
                return []
            }
            if action == .closeHost {
                let purpose = Form.Purpose.closeHostAlerts(host.address, openCount: host.openAlerts)
                state.overlay = .form(closeForm(purpose, title: "Close \(alertCount(host.openAlerts, "open")) of \(host.address)"))
            } else {
                state.overlay = .confirm(Confirmation(
                    title: "Acknowledge \(alertCount(host.openAlerts, "open")) of \(host.address)?",
                    lines: [], effects: [.setHostStatus(host.address, .acknowledged, reason: nil)]))
            }
            return []
        case .setCaseState, .resolveCase, .addCaseNote:
            return caseAction(&state, action)
        case .addNote:
            guard let id = state.alert?.record?.id else { return [] }
            state.overlay = .form(Form(title: "Add a note to alert \(id)", purpose: .addNote(alertID: id),
                                       fields: [.text(label: "Note", value: TextField(), hint: "what you found")]))
            return []
        case .addException:
            guard let flow = state.alert?.record?.flow, let source = flow.event.sourceIPs.first,
                  let destination = flow.event.destinationIPs.first else { return [] }
            state.overlay = .form(exceptionFromAlertForm(source: source, destination: destination))
            // The exception guard judges the new item with the exceptions already stored.
            return previewException(&state) + (state.exceptions.isLoaded ? [] : [.loadExceptions])
        case .newException:
            state.overlay = .form(newExceptionForm())
            return previewException(&state)
        case .editException:
            guard let item = state.exceptions.selected?.item else { return [] }
            state.overlay = .form(editExceptionForm(item, timeZone: state.timeZone))
            return []
        case .removeException:
            guard let record = state.exceptions.selected else { return [] }
            state.overlay = .confirm(Confirmation(
                title: "Remove the exception \"\(record.item.name)\"?",
                lines: ["The rule will alert again on what it suppressed (\(record.suppressedEvents) events so far)."],
                effects: [.removeException(id: record.id)]))
            return []
        default:
            return []
        }
    }

    /// The change to `status` a status key makes: of the marked rows' alerts, else the selected
    /// row's, or on the alert screen of the alert (whatever its status) and the other alerts of its
    /// connection (its row on the host screen); nil when none.
    static func alertTargets(_ state: ConsoleState, _ status: AlertStatus) -> AlertTargets? {
        switch state.route {
        case .alert:
            guard let alert = state.alert, let record = alert.record else { return nil }
            let connection = alert.connection.isEmpty ? [record.id: record.status] : alert.connection
            return AlertTargets(status, rows: [connection], named: [record.id])
        case .host:
            guard let host = state.host else { return nil }
            if !host.marked.isEmpty { return host.markedTargets(status) }
            guard host.pane == .alerts, let row = host.alerts.selectedRow else { return nil }
            return AlertTargets(status, rows: [row.alertStatuses], filter: host.statusFilter)
        default: return nil
        }
    }

    /// Applies the result of a write: says what changed and reloads what is on screen.
    static func applyWritten(_ state: inout ConsoleState, _ msg: Msg) -> [Effect] {
        switch msg {
        case .statusSet(let change, let targets):
            state.host?.marked = [:]
            state.message = statusSetMessage(change, targets: targets)
        case .noteAdded(let note):
            state.message = .success("note added to alert \(note.alertID)")
        case .caseStateSet(let host, let change):
            state.message = .success(caseChangedMessage(host, change))
        case .caseNoteAdded(let note):
            state.message = .success("note added to the case of \(note.host)")
        case .guideStepSet(_, let step, let checked):
            state.message = .success("step \(step + 1) \(checked ? "ticked" : "unticked")")
        case .exceptionAdded(let result):
            let closed = result.closedAlertIDs.count
            state.message = .success("exception added" + (closed > 0 ? "; \(alertCount(closed, "open")) closed" : ""))
        case .exceptionUpdated:
            state.message = .success("exception updated")
        case .exceptionRemoved:
            state.message = .success("exception removed")
        default:
            return []
        }
        return reload(state) + [.pollChangeToken(reload: false)]
    }

    /// "acknowledged 2 alerts (one connection); 1 closed alert left closed": what the store wrote
    /// (`change`, decided from the statuses it read when it wrote) and left as they were, with the
    /// alerts the question or form counted that another writer changed meanwhile.
    static func statusSetMessage(_ change: AlertStatusChange, targets: AlertTargets?) -> StatusMessage {
        let meanwhile = targets?.changedMeanwhile(change) ?? []
        var parts = AlertTargets.leftParts(change, excluding: Set(meanwhile))
        if !meanwhile.isEmpty {
            parts.append("\(NumberText.grouped(meanwhile.count)) changed meanwhile, left as \(meanwhile.count == 1 ? "it is" : "they are")")
        }
        guard !change.written.isEmpty else {
            // No part when every alert is gone (pruned since it was read).
            return .info(parts.isEmpty ? "no alert changed" : "no alert changed: " + parts.joined(separator: "; "))
        }
        let written = targets?.describe(change.written) ?? alertCount(change.written.count)
        return .success((["\(change.status.pastTense) \(written)"] + parts).joined(separator: "; "))
    }

    /// "1 alert", "3 open alerts", "12,400 alerts".
    static func alertCount(_ count: Int, _ adjective: String? = nil) -> String {
        let noun = count == 1 ? "alert" : "alerts"
        return [NumberText.grouped(count), adjective, noun].compactMap { $0 }.joined(separator: " ")
    }

    /// "1 connection", "12 connections".
    static func connectionCount(_ count: Int) -> String {
        "\(NumberText.grouped(count)) \(count == 1 ? "connection" : "connections")"
    }
}
