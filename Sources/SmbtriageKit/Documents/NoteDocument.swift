import Store
import TriageModel

/// An analyst's note on an alert in `notes --json`.
public struct NoteDocument: Encodable, Sendable {
    var id, alertID: Int64
    var author, timestamp, text: String

    public init(_ note: AlertNote) {
        id = note.id
        alertID = note.alertID
        author = note.author
        timestamp = JSONLines.date(note.createdAt)
        text = note.text
    }

    enum CodingKeys: String, CodingKey {
        case id, alertID = "smbtriage.alert.id", author, timestamp = "@timestamp", text
    }
}
