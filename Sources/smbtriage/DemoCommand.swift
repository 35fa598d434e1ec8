import ArgumentParser
import Foundation
import Ingest
import Terminal

/// `smbtriage demo`: loads demo-data/ into a fresh store and opens the console.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load demo-data/ into a fresh store and open the console on it."
    )

    @Option(help: ArgumentHelp(
        "Load into this store instead of a fresh one in a temporary directory.", valueName: "path"))
    var db: String?
    @OptionGroup var display: ConsoleDisplayOptions

    func run() throws {
        try TerminalSession.checkStandardStreams()
        let inputs = try DemoData.inputs(in: DemoData.locate())
        let path = try db ?? Self.freshStorePath()
        let store = try StoreOptions.open(path)
        let session = try IngestSession(store: store, options: IngestOptions())
        let now = Date()
        for input in inputs {
            print(IngestReport.fileLine(try session.ingest(input, ingestedAt: now)))
        }
        for execution in try session.detect(at: now) {
            print(IngestReport.executionLine(execution))
        }
        try ConsoleBridge(repository: store, rule: session.rule, readOnly: false,
                          actor: Analyst.current, display: display).run()
        let shownPath = TerminalText.safe(path)
        print("The demo store is \(shownPath); reopen it with: smbtriage console --db \(shownPath)")
    }

    /// A new, empty directory for the demo store under the system's temporary directory.
    private static func freshStorePath() throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("smbtriage-demo-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("cannot create a directory for the demo store: \(error)")
        }
        return directory.appendingPathComponent("demo.db").path
    }
}
