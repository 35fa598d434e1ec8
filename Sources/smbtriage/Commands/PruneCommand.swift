import ArgumentParser
import SmbtriageKit
import Store

/// `smbtriage prune [--dry-run]`: applies the retention policy now.
struct PruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Remove what the retention policy lets go, and give the space back to the file system.",
        discussion: """
        Works in transactions of a few thousand rows, so a running console or watch waits at most \
        milliseconds. A store created by an earlier release is switched to incremental vacuum by its \
        first prune: one VACUUM that rewrites the file (it needs free disk space of the store's size).
        """
    )

    @OptionGroup var store: StoreOptions
    @Flag(help: "Count what would go; remove nothing.") var dryRun = false
    @Flag(help: "One JSON object.") var json = false

    func run() throws {
        let repository = try store.open(readOnly: dryRun, mustExist: true)
        let before = try repository.statistics()
        let report = try repository.prune(dryRun: dryRun, actor: Analyst.current)
        let vacuumed = try !dryRun && repository.switchOnIncrementalVacuum()
        if !dryRun { try repository.truncateWriteAheadLog() }
        let after = try repository.statistics()
        let bytesBefore = before.databaseBytes + before.walBytes
        let bytesAfter = after.databaseBytes + after.walBytes
        if json {
            try JSONLines.write(PruneDocument(report, dryRun: dryRun, bytesBefore: bytesBefore, bytesAfter: bytesAfter,
                                              switchedOnIncrementalVacuum: vacuumed))
            return
        }
        if dryRun {
            print("would prune \(report.description) (\(before.policy.description)); nothing removed")
            return
        }
        print("pruned \(report.description) (\(before.policy.description))")
        if vacuumed { print("switched on incremental vacuum: one VACUUM rewrote the store") }
        print("store size: \(Formatting.bytes(bytesBefore)) before, \(Formatting.bytes(bytesAfter)) after "
            + "(database \(Formatting.bytes(after.databaseBytes)), WAL \(Formatting.bytes(after.walBytes)))")
    }
}
