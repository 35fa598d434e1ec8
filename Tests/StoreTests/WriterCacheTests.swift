import Foundation
import GRDB
@testable import Store
import Testing

/// A bulk load may give the writer a larger page cache; a read-only store refuses.
@Suite("The writer's cache")
struct WriterCacheTests {
    @Test func theWriterCacheTakesTheSizeAsked() throws {
        let fixture = try StoreFixture()
        let cacheSize = { try fixture.store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") } }
        #expect(try cacheSize() == -65_536)
        try fixture.store.setWriterCache(megabytes: 300)
        #expect(try cacheSize() == -307_200)
    }

    @Test func aReadOnlyStoreRefusesIt() throws {
        let fixture = try StoreFixture()
        let readOnly = try SMBStore(path: fixture.path, readOnly: true, rules: .bundled())
        #expect(throws: StoreError.self) { try readOnly.setWriterCache(megabytes: 300) }
    }
}
