import ScreenCore
import TriageModel

/// The alerts a status key (a, c, o) acts on, and how the analyst sees them: exactly the alerts of
/// `change.written` are written, so the form, the question and the message count what the write
/// changes and name the alerts it leaves as they were.
struct AlertTargets: Hashable, Sendable {
    /// The alerts of each connection row acted on (the rows the list shows, or the connection of
    /// the alert in view), each with its status as read.
    var rows: [[Int64: AlertStatus]]
    /// What the write does: the named alerts move whatever their status, the others only forward.
    var change: AlertStatusChange
    /// How many of the rows are marks on rows not loaded in the list (scrolled far off): the
    /// analyst is asked before they are acted on.
    var unseen = 0
    /// True when the rows are the host screen's marks (the question names them so).
    var isMarks = false

    /// The change to `status` of the alerts of `rows`; `named` (the alert in view) move whatever
    /// their status.
    init(_ status: AlertStatus, rows: [[Int64: AlertStatus]], named: Set<Int64> = [], unseen: Int = 0,
         isMarks: Bool = false) {
        self.rows = rows
        change = AlertStatusChange(to: status, alerts: rows.reduce(into: [:]) { $0.merge($1) { first, _ in first } },
                                   named: named)
        self.unseen = unseen
        self.isMarks = isMarks
    }

    /// The alerts written, ascending.
    var ids: [Int64] { change.written }

    /// How many rows hold an alert written.
    var connections: Int {
        let written = Set(ids)
        return rows.count(where: { $0.keys.contains(where: written.contains) })
    }

    /// The alerts written: "1 alert", "4 alerts (one connection)", "7 alerts (3 connections)".
    var description: String {
        let alerts = Update.alertCount(ids.count)
        guard ids.count > connections else { return alerts }
        return alerts + (connections == 1 ? " (one connection)" : " (\(Update.connectionCount(connections)))")
    }

    /// The alerts left as they were: "1 closed alert left closed; 2 already acknowledged"; nil when none.
    var leftText: String? {
        var parts: [String] = []
        if let held = change.heldStatus, !change.held.isEmpty {
            parts.append("\(Update.alertCount(change.held.count, held.rawValue)) left \(held.rawValue)")
        }
        if !change.unchanged.isEmpty { parts.append("\(NumberText.grouped(change.unchanged.count)) already \(change.status.rawValue)") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// "Acknowledge 2 alerts (one connection); 1 closed alert left closed": what a question or a
    /// form before the write says, with `verb` in front.
    func summary(_ verb: String) -> String {
        "\(verb) \(description)" + (leftText.map { "; \($0)" } ?? "")
    }

    /// The question asked when every alert would be held (a row or marks whose alerts are all closed
    /// on `a`, all acknowledged on `o`): what yes writes, all of them taken back (nil when not so).
    var heldQuestion: Confirmation? {
        guard ids.isEmpty, let held = change.heldStatus, !change.held.isEmpty else { return nil }
        let scope = !isMarks ? "this connection" : rows.count == 1 ? "the marked connection" : "the \(rows.count) marked connections"
        let count = change.held.count
        let them = count == 1 ? "it" : "them"
        var lead = count == 1 ? "The alert of \(scope) is \(held.rawValue)" : "All \(count) alerts of \(scope) are \(held.rawValue)"
        var object = them
        if !change.unchanged.isEmpty {
            let holds = !isMarks || rows.count == 1 ? "holds" : "hold"
            lead = "\(scope.prefix(1).uppercased() + scope.dropFirst()) \(holds) \(Update.alertCount(count, held.rawValue)) and "
                + "\(change.unchanged.count) already \(change.status.rawValue)"
            object = "the \(held.rawValue) " + (count == 1 ? "one" : "ones")
        }
        let action = switch change.status {
        case .acknowledged: "acknowledge \(object) (reopens \(them))"
        case .open: "reopen \(object) (takes back the acknowledgement)"
        case .closed: "close \(object)"
        }
        var forced = self
        forced.change = change.includingHeld
        return Confirmation(title: "\(lead): \(action)?", lines: unseenLines,
                            effects: [.setStatus(forced, reason: nil)])
    }

    /// What the question before the write says of the unseen rows (nothing when there are none).
    var unseenLines: [String] {
        guard unseen > 0 else { return [] }
        let rows = unseen == 1 ? "1 marked connection is" : "\(unseen) marked connections are"
        return ["\(rows) not in the rows loaded (scrolled far off, or gone from the list since): their alerts are counted as they were marked."]
    }
}
