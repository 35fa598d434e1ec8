/// The alerts a status key (a, c, o) acts on, and how the analyst sees them: exactly these ids are
/// written, so the form, the question and the message count what the write changes.
struct AlertTargets: Hashable, Sendable {
    /// The alerts, ascending: every alert of each connection row (the rows the list shows), or of
    /// the connection of the alert in view.
    var ids: [Int64]
    /// How many connection rows they are.
    var connections: Int
    /// How many of those rows are marks on rows not loaded in the list (scrolled far off): the
    /// analyst is asked before they are acted on.
    var unseen = 0

    /// "1 alert", "4 alerts (one connection)", "7 alerts (3 connections)".
    var description: String {
        let alerts = Update.alertCount(ids.count)
        guard ids.count > connections else { return alerts }
        return alerts + (connections == 1 ? " (one connection)" : " (\(Update.connectionCount(connections)))")
    }

    /// What the question before the write says of the unseen rows (nothing when there are none).
    var unseenLines: [String] {
        guard unseen > 0 else { return [] }
        let rows = unseen == 1 ? "1 marked connection is" : "\(unseen) marked connections are"
        return ["\(rows) not in the rows loaded (scrolled far off, or gone from the list since): their alerts are counted as they were marked."]
    }
}
