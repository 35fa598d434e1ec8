import ArgumentParser
import SmbtriageKit
import Store
import TriageModel

/// `smbtriage notes ID|HOST`: the analysts' notes on one alert, or on every alert of a host.
struct NotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes", abstract: "Show the notes on an alert, or on every alert of a host, oldest first.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "An alert id, or a host's address or hostname.") var target: String
    @Flag(help: "One JSON object per line.") var json = false

    func run() throws {
        let repository = try store.open(readOnly: true)
        let notes: [AlertNote]
        if let id = Int64(target) {
            guard try repository.alert(id: id) != nil else { throw CommandFailure("no alert with id \(id).") }
            notes = try repository.notes(alertID: id)
        } else {
            notes = try repository.notes(of: HostArgument(argument: target).address(in: repository))
        }
        if json {
            for note in notes { try JSONLines.write(NoteDocument(note)) }
            return
        }
        var table = TextTable([("ALERT", .right), ("TIME", .left), ("AUTHOR", .left), ("NOTE", .left)])
        for note in notes {
            table.append(["\(note.alertID)", Formatting.time(note.createdAt), note.author, note.text])
        }
        print(table.render())
        StandardError.print(counted(notes.count, "note"))
    }
}
