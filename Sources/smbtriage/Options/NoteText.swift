import ArgumentParser
import Foundation

/// The text of a note on an alert or a case; an empty one is refused.
struct NoteText: ParsableArguments {
    @Argument(help: "The note text.") var text: String

    func validate() throws {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError("the note is empty.")
        }
    }
}
