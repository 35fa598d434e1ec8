import ScreenCore
import TriageModel

/// The alerts a status key (a, c, o) acts on, and how the analyst sees them: `change` is what the
/// statuses as read would write, which the form and the question count; the store decides again
/// from the statuses it reads when it writes, and the message counts what it wrote.
struct AlertTargets: Hashable, Sendable {
    /// The alerts of each connection row acted on (the rows the list shows, or the connection of
    /// the alert in view), each with its status as read.
    var rows: [[Int64: AlertStatus]]
    /// What the write does: the named alerts move whatever their status, the others only forward.
    var change: AlertStatusChange
    /// The alerts that move whatever their status: the alert in view, or, after a `y` to the
    /// question, the alerts it asked about.
    var named: Set<Int64>
    /// How many of the rows are marks on rows not loaded in the list (scrolled far off): the
    /// analyst is asked before they are acted on.
    var unseen = 0
    /// True when the rows are the host screen's marks (the question names them so).
    var isMarks = false
    /// The host screen's status filter when the rows were read under one: each row then lists only
    /// its alerts in that status, not every alert of its connection (the question says "row").
    var filter: AlertStatus?

    /// The change to `status` of the alerts of `rows`; `named` (the alert in view) move whatever
    /// their status.
    init(_ status: AlertStatus, rows: [[Int64: AlertStatus]], named: Set<Int64> = [], unseen: Int = 0,
         isMarks: Bool = false, filter: AlertStatus? = nil) {
        self.rows = rows
        change = AlertStatusChange(to: status, alerts: rows.reduce(into: [:]) { $0.merge($1) { first, _ in first } },
                                   named: named)
        self.named = named
        self.unseen = unseen
        self.isMarks = isMarks
        self.filter = filter
    }

    /// The alerts of the rows that are not named, ascending: they come along forward only, as the
    /// store decides from their statuses when it writes.
    var comingAlong: [Int64] {
        Set(rows.flatMap(\.keys)).subtracting(named).sorted()
    }

    /// The alerts written, ascending.
    var ids: [Int64] { change.written }

    /// How many rows hold an alert of `written`.
    func connections(holding written: [Int64]) -> Int {
        let written = Set(written)
        return rows.count(where: { $0.keys.contains(where: written.contains) })
    }

    /// `written` counted with the rows that hold them: "1 alert", "4 alerts (one connection)",
    /// "7 alerts (3 connections)".
    func describe(_ written: [Int64]) -> String {
        let alerts = Update.alertCount(written.count)
        let connections = connections(holding: written)
        guard written.count > connections else { return alerts }
        return alerts + (connections == 1 ? " (one connection)" : " (\(Update.connectionCount(connections)))")
    }

    /// The alerts the change as read writes, as `describe` counts them.
    var description: String { describe(ids) }

    /// The alerts `change` leaves as they were, but `excluding`, counted: "1 closed alert left
    /// closed" (before the write, `written` false: "stays closed"), "2 already acknowledged".
    static func leftParts(_ change: AlertStatusChange, written: Bool = true, excluding: Set<Int64> = []) -> [String] {
        [change.heldText(written: written, excluding: excluding) { Update.alertCount($0.count, $1.rawValue) },
         change.unchangedText(excluding: excluding) { NumberText.grouped($0.count) }].compactMap { $0 }
    }

    /// "Acknowledge 2 alerts (one connection)": what a question before the write asks (its
    /// `questionLines` say the rest).
    var title: String {
        "\(Self.sentence(change.status.verb)) \(description)"
    }

    /// "Close 2 alerts (one connection); 1 already closed": the close form's title, which has no lines.
    var summary: String {
        ([title] + Self.leftParts(change)).joined(separator: "; ")
    }

    /// What a question before the write says under its `title`: the alerts it leaves as they are
    /// ("1 closed alert stays closed"), then the marked rows not loaded.
    var questionLines: [String] {
        Self.leftParts(change, written: false) + unseenLines
    }

    /// `text` with its first letter in upper case: a title's start.
    private static func sentence(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// The question asked when nothing would be written and some alerts are held (a row, marks or
    /// the alert in view whose alerts are closed or acknowledged already on `a`, acknowledged or open
    /// already on `o`): yes writes the held ones too, as named (nil when not so).
    var heldQuestion: Confirmation? {
        guard ids.isEmpty, let held = change.heldStatus, !change.held.isEmpty else { return nil }
        let count = change.held.count
        let them = count == 1 ? "it" : "them"
        let noun = filter == nil ? "connection" : "row"
        let scope = !isMarks ? "this \(noun)" : rows.count == 1 ? "the marked \(noun)" : "the \(NumberText.grouped(rows.count)) marked \(noun)s"
        var lead = count == 1 ? "The alert of \(scope) is \(held.rawValue)" : "All \(NumberText.grouped(count)) alerts of \(scope) are \(held.rawValue)"
        var object = them
        if filter != nil || !change.unchanged.isEmpty {
            // Under a filter a row lists only some of its connection's alerts: say what it lists.
            let singular = !isMarks || rows.count == 1
            let holds = filter == nil ? (singular ? "holds" : "hold") : (singular ? "lists" : "list")
            lead = "\(Self.sentence(scope)) \(holds) \(Update.alertCount(count, held.rawValue))"
            if !change.unchanged.isEmpty {
                lead += " and \(NumberText.grouped(change.unchanged.count)) already \(change.status.rawValue)"
                object = "the \(held.rawValue) " + (count == 1 ? "one" : "ones")
            }
        }
        let action = "\(change.status.verb) \(object) (takes \(them) out of \(held.rawValue))"
        let forced = AlertTargets(change.status, rows: rows, named: named.union(change.held), unseen: unseen, isMarks: isMarks,
                                  filter: filter)
        return Confirmation(title: "\(lead): \(action)?", lines: unseenLines,
                            effects: [.setStatus(forced, reason: nil)])
    }

    /// The alerts the change `written` (as the store decided it) did not write though these
    /// targets, as read, said it would: another writer changed them meanwhile. Ascending.
    func changedMeanwhile(_ written: AlertStatusChange) -> [Int64] {
        Set(ids).subtracting(written.written).sorted()
    }

    /// What the question before the write says of the unseen rows (nothing when there are none).
    var unseenLines: [String] {
        guard unseen > 0 else { return [] }
        let rows = unseen == 1 ? "1 marked connection is" : "\(NumberText.grouped(unseen)) marked connections are"
        return ["\(rows) not in the rows loaded (scrolled far off, or gone from the list since): their alerts are counted as they were marked."]
    }
}
