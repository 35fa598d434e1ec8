import ArgumentParser
import ScreenCore
import SmbtriageKit
import Store

/// `smbtriage store`: the store file itself.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "What the store holds, and looking after its file.",
        subcommands: [Stats.self, Check.self, Upgrade.self],
        defaultSubcommand: Stats.self
    )

    /// `smbtriage store` (`store stats`).
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what the store holds: flows, alerts, hosts, bytes on disk, retention policy.")

        @OptionGroup var store: StoreOptions
        @Flag(help: "One JSON object.") var json = false

        func run() throws {
            let repository = try store.open(readOnly: true)
            let stats = try repository.statistics()
            if json {
                try JSONLines.write(StoreStatisticsDocument(stats, path: repository.path))
                return
            }
            let grouped = { (count: Int) in NumberText.grouped(count) }
            print("""
                store           \(TerminalText.safe(repository.path))
                flows           \(grouped(stats.flows)) (oldest \(Formatting.time(stats.oldestFlow)), newest \(Formatting.time(stats.newestFlow)))
                flow summaries  \(grouped(stats.flowSummaries)) days × destinations, standing for \(grouped(stats.summarizedFlows)) pruned flows
                alerts          \(grouped(stats.openAlerts)) open, \(grouped(stats.acknowledgedAlerts)) acknowledged, \(grouped(stats.closedAlerts)) closed
                hosts           \(grouped(stats.hosts))
                exceptions      \(grouped(stats.exceptions))
                notes           \(grouped(stats.notes))
                audit entries   \(grouped(stats.auditEntries))
                on disk         database \(Formatting.bytes(stats.databaseBytes)), WAL \(Formatting.bytes(stats.walBytes))
                retention       \(stats.policy.description); incremental vacuum \(stats.vacuumsIncrementally ? "on" : "off until the first prune")
                """)
        }
    }

    /// `smbtriage store check`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the store's pages and indexes with SQLite's integrity check, and its kept counts.",
            discussion: """
            Read-only unless --recount is given. The counts of flows and flow summaries the store keeps \
            (what `smbtriage store` shows) are compared with its rows. Exit status 0 when the store is \
            sound, 1 when it is damaged, its counts differ, or it cannot be read.
            """
        )

        @OptionGroup var store: StoreOptions
        @Flag(help: "SQLite's quick_check: faster, skips comparing indexes with their tables.") var quick = false
        @Flag(help: "Set the kept counts from the rows when they differ (writes to the store).") var recount = false

        func run() throws {
            let repository = try store.open(readOnly: !recount, mustExist: true)
            let problems = try repository.integrityProblems(quick: quick)
            let path = TerminalText.safe(repository.path)
            guard problems.isEmpty else {
                for problem in problems { print(TerminalText.safe(problem)) }
                throw CommandFailure("""
                    The store \(path) is damaged (\(problems.count) problem\(problems.count == 1 ? "" : "s") above): \
                    restore it from a backup, or recover what SQLite can still read into a new file \
                    (sqlite3 OLD.db .recover | sqlite3 NEW.db) and use that with --db.
                    """)
            }
            print("The store \(path) passed SQLite's \(quick ? "quick" : "integrity") check.")
            let mismatches = try recount ? repository.recount() : repository.countMismatches()
            guard !mismatches.isEmpty else { return print("Its kept counts (flows, flow summaries, the rows of each record block) match its rows.") }
            for mismatch in mismatches {
                print("\(mismatch.counted): kept \(NumberText.grouped(mismatch.kept)), counted \(NumberText.grouped(mismatch.actual))")
            }
            let lost = mismatches.filter { !$0.isRecountable }.reduce(0) { $0 + $1.actual }
            if recount { print("Set the kept counts from the rows.") }
            if lost > 0 {
                throw CommandFailure("""
                    The store \(path) has \(NumberText.grouped(lost)) row\(lost == 1 ? "" : "s") whose original \
                    record is lost (above), which --recount cannot bring back: restore the store from a backup.
                    """)
            }
            if recount { return }
            throw CommandFailure("""
                The store \(path) keeps counts that differ from its rows (above): \
                run `smbtriage store check --recount --db \(StoreError.shellQuoted(path))` to set them from the rows.
                """)
        }
    }

    /// `smbtriage store upgrade`.
    struct Upgrade: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring a store made by an earlier smbtriage to this one's schema.",
            discussion: """
            The commands that only read a store (alerts, hosts, history, store, …) do not upgrade it; \
            they ask for this command. A command that writes (ingest, watch, the console) upgrades it \
            too. Each schema version is one transaction: an interrupted upgrade leaves the store at the \
            last version it finished, and the next one goes on from there. Long upgrades report their \
            progress on standard error.
            """
        )

        @OptionGroup var store: StoreOptions

        func run() throws {
            let repository = try store.open(mustExist: true)
            let path = TerminalText.safe(repository.path)
            if let version = repository.upgradedFromVersion {
                print("Upgraded the store \(path) from schema version \(version) to \(SMBStore.schemaVersion).")
            } else {
                print("The store \(path) is at schema version \(SMBStore.schemaVersion) already; nothing to upgrade.")
            }
        }
    }
}
