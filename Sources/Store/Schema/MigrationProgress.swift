/// Hears how far a long migration got: rows done of the total.
public typealias MigrationProgress = @Sendable (_ done: Int, _ total: Int) -> Void
