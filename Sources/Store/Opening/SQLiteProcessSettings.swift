import CSQLiteConfig

/// SQLite's process-wide settings, made once, before the process opens its first connection
/// (SQLite takes them only before it is initialized).
enum SQLiteProcessSettings {
    /// Memory statistics off: with them on (Debian's default) every allocation and free inside
    /// SQLite takes a process-wide mutex, 7% of the writer thread's instructions on the pipeline
    /// benchmark, for figures smbtriage never reads. A process that opened a connection before
    /// its first store (a test's own `DatabaseQueue`) keeps them on, which changes no result.
    private static let madeOnce: Void = {
        _ = smbtriage_sqlite_disable_memory_statistics()
    }()

    /// Makes the settings unless they are made.
    static func make() {
        madeOnce
    }
}
