import TriageModel

/// One alert: the record, its notes and which pane is in front.
struct AlertState: Hashable, Sendable {
    enum Pane: String, Hashable, Sendable, CaseIterable {
        case destination = "Destination", attack = "ATT&CK", guide = "Investigation guide", notes = "Notes"
    }

    var id: Int64
    var record: AlertRecord?
    var notes: [AlertNote] = []
    /// Every alert of this alert's connection (one per sensor's record), itself included, each
    /// with its status as read.
    var connection: [Int64: AlertStatus] = [:]
    var pane = Pane.destination
    /// The selected investigation-guide step.
    var guideCursor = ListCursor()
    /// Lines scrolled off the top of the pane in front.
    var scroll = 0
    /// True once the repository answered (the alert may not exist).
    var isLoaded = false

    /// The ids of `connection`, ascending: the order ] and [ step through.
    var connectionIDs: [Int64] { connection.keys.sorted() }
}
