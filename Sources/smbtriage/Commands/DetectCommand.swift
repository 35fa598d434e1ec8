import ArgumentParser
import Foundation
import SmbtriageKit

/// `smbtriage detect`: one execution of the rule, now.
struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Run one execution of the active rule now (events ingested in the last 9 minutes, plus pending matches)."
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        let opened = try store.open(mustExist: true)
        let execution = try opened.runExecution(at: Date())
        print(IngestReport.executionLine(execution))
    }
}
