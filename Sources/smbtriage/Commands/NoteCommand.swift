import ArgumentParser
import Foundation
import SmbtriageKit

/// `smbtriage note ID TEXT`: add an analyst's note to an alert.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to an alert.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The alert id.") var id: Int64
    @OptionGroup var note: NoteText

    func run() throws {
        let repository = try store.open(mustExist: true)
        guard try repository.alert(id: id) != nil else { throw CommandFailure("no alert with id \(id).") }
        let added = try repository.addNote(alertID: id, text: note.text, actor: Analyst.current)
        print("note \(added.id) added to alert \(id) by \(TerminalText.safe(added.author))")
    }
}
