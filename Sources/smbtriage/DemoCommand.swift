import ArgumentParser
import Foundation
import Ingest
import SmbtriageKit
import Terminal

/// `smbtriage demo`: loads demo-data/ into a fresh store and opens the console.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load demo-data/ into a fresh store and open the console on it."
    )

    @Option(help: ArgumentHelp(
        "Load into this store instead of the demo's own (rebuilt on every run under the cache directory).",
        valueName: "path"))
    var db: String?
    @OptionGroup var display: ConsoleDisplayOptions

    func run() throws {
        try TerminalSession.checkStandardStreams()
        let inputs = try DemoData.inputs(in: DemoData.locate())
        let demoStore = DemoStore.standard
        let lock = db == nil ? try demoStore.prepare() : nil
        let path = db ?? demoStore.path
        let shownPath = TerminalText.safe(path)
        print("Loading the demo data into \(shownPath)")
        let store = try StoreOptions.open(path)
        let session = try IngestSession(store: store, options: IngestOptions())
        let now = Date()
        for input in inputs {
            print(IngestReport.fileLine(try session.ingest(input, ingestedAt: now)))
        }
        for execution in try session.detect(at: now) {
            print(IngestReport.executionLine(execution))
        }
        try ConsoleBridge(repository: store, rule: session.rule, catalog: store.rules, readOnly: false,
                          actor: Analyst.current, display: display).run()
        withExtendedLifetime(lock) {
            print("The demo store is \(shownPath); reopen it with: smbtriage console --db \(shownPath)")
        }
    }
}
