import ArgumentParser

/// `smbtriage store`: the store file itself.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Look after the store file.",
        subcommands: [Check.self]
    )

    /// `smbtriage store check`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the store's pages and indexes with SQLite's integrity check (read-only).",
            discussion: "Exit status 0 when the store is sound, 1 when it is damaged or cannot be read."
        )

        @OptionGroup var store: StoreOptions
        @Flag(help: "SQLite's quick_check: faster, skips comparing indexes with their tables.") var quick = false

        func run() throws {
            let repository = try store.open(readOnly: true)
            let problems = try repository.integrityProblems(quick: quick)
            let path = TerminalText.safe(repository.path)
            guard !problems.isEmpty else {
                print("The store \(path) passed SQLite's \(quick ? "quick" : "integrity") check.")
                return
            }
            for problem in problems { print(TerminalText.safe(problem)) }
            throw CommandFailure("""
                The store \(path) is damaged (\(problems.count) problem\(problems.count == 1 ? "" : "s") above): \
                restore it from a backup, or recover what SQLite can still read into a new file \
                (sqlite3 OLD.db .recover | sqlite3 NEW.db) and use that with --db.
                """)
        }
    }
}
