import ArgumentParser
import Console
import Detection
import SmbtriageKit

/// `smbtriage console`, the default command: the full-screen triage console on a store.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Triage alerts in the full-screen console.",
        discussion: "Press ? in the console for its keys (or see --keys). NO_COLOR in the environment turns colours off."
    )

    @OptionGroup var store: StoreOptions
    @Flag(help: "Look without changing anything: triage keys show a message instead of writing.")
    var readOnly = false
    @Flag(help: "Start an empty store when none exists at the path (else the console refuses).")
    var create = false
    @OptionGroup var display: ConsoleDisplayOptions
    @Flag(help: "Print every key of the console as Markdown (docs/KEYMAP.md is this output) and exit.")
    var keys = false

    func run() throws {
        if keys {
            print(ConsoleRuntime.keymapMarkdown(), terminator: "")
            return
        }
        let repository = try store.open(readOnly: readOnly, mustExist: !create,
                                        hint: "ingest logs into it first, or add --create to start an empty one")
        try ConsoleBridge(repository: repository, rule: repository.activeRule(), catalog: repository.rules, readOnly: readOnly,
                          actor: Analyst.current, display: display).run()
    }
}
