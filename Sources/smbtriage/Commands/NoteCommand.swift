import ArgumentParser
import Foundation
import SmbtriageKit

/// `smbtriage note ID TEXT`: add an analyst's note to an alert.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to an alert.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The alert id.") var id: Int64
    @Argument(help: "The note text.") var text: String

    func validate() throws {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError("the note is empty.")
        }
    }

    func run() throws {
        let repository = try store.open(mustExist: true)
        guard try repository.alert(id: id) != nil else { throw CommandFailure("no alert with id \(id).") }
        let note = try repository.addNote(alertID: id, text: text, actor: Analyst.current)
        print("note \(note.id) added to alert \(id) by \(TerminalText.safe(note.author))")
    }
}
