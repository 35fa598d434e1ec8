import ArgumentParser
import Foundation

/// `smbtriage detect`: one execution of the rule, now.
struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Run one execution of the rule now (events ingested in the last 9 minutes, plus pending matches)."
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        let execution = try store.open(mustExist: true).runExecution(at: Date(), rule: BundledRule.compiled())
        print(IngestReport.executionLine(execution))
    }
}
