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
        let policy = try repository.retentionPolicy()
        let before = repository.bytesOnDisk()
        let report = try repository.prune(dryRun: dryRun, actor: Analyst.current)
        let vacuumed = try !dryRun && repository.switchOnIncrementalVacuum()
        if !dryRun { try repository.truncateWriteAheadLog() }
        let after = repository.bytesOnDisk()
        let bytesBefore = before.database + before.wal
        let bytesAfter = after.database + after.wal
        if json {
            try JSONLines.write(PruneDocument(report, dryRun: dryRun, bytesBefore: bytesBefore, bytesAfter: bytesAfter,
                                              switchedOnIncrementalVacuum: vacuumed))
            return
        }
        if dryRun {
            print("would prune \(report.description) (\(policy.description)); nothing removed")
            return
        }
        print("pruned \(report.description) (\(policy.description))")
        if vacuumed { print("switched on incremental vacuum: one VACUUM rewrote the store") }
        print("store size: \(Formatting.bytes(bytesBefore)) before, \(Formatting.bytes(bytesAfter)) after "
            + "(database \(Formatting.bytes(after.database)), WAL \(Formatting.bytes(after.wal)))")
    }
}
