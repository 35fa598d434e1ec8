import BundledRules
import GRDB
import GRDBSQLite
@testable import Store
import Testing

/// `releaseCachedPages`: the next reads take every page from the file again (what a cold read
/// measures).
@Suite struct CachedPagesTests {
    /// Pages the reading connection took from the file while it counted the store's events.
    private func pagesReadCounting(_ store: SMBStore) throws -> Int32 {
        try store.read { db in
            var misses: Int32 = 0
            var highest: Int32 = 0
            sqlite3_db_status(db.sqliteConnection, SQLITE_DBSTATUS_CACHE_MISS, &misses, &highest, 1)
            _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE fields IS NOT NULL")
            sqlite3_db_status(db.sqliteConnection, SQLITE_DBSTATUS_CACHE_MISS, &misses, &highest, 1)
            return misses
        }
    }

    @Test func afterReleasingTheCachedPagesAReadTakesThemFromTheFileAgain() throws {
        let fixture = try StoreFixture()
        _ = try fixture.store.insert((0..<2_000).map { smbEvent("10.0.\($0 / 200).\($0 % 200 + 1)", "8.8.8.8", line: $0) },
                                    ingestedAt: baseTime)
        let store = try SMBStore(path: fixture.path, readOnly: true, rules: .bundled())
        let first = try pagesReadCounting(store)
        #expect(first > 10)
        #expect(try pagesReadCounting(store) == 0)

        store.releaseCachedPages()
        #expect(try pagesReadCounting(store) == first)
    }
}
