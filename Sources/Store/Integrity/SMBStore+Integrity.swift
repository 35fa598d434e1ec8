import GRDB

extension SMBStore {
    /// Runs SQLite's `integrity_check` (or the faster `quick_check`, which skips comparing
    /// indexes with their tables) and returns what it found wrong: empty when the store is sound.
    /// At most `limit` problems are listed; a page too damaged for the check to go on is one.
    public func integrityProblems(quick: Bool = false, limit: Int = 100) throws -> [String] {
        let pragma = quick ? "quick_check" : "integrity_check"
        do {
            let findings = try read { db in try String.fetchAll(db, sql: "PRAGMA \(pragma)(\(max(1, limit)))") }
            return findings == ["ok"] ? [] : findings
        } catch StoreError.corrupt {
            return ["SQLite stopped the check at a page too damaged to read"]
        }
    }
}
