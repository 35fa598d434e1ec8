import BenchmarkSupport
import Foundation
import Testing

/// What `scale-benchmark --cold` relies on: a file's pages leave the OS cache, and a read brings
/// back only the part around it (the read and the kernel's read-ahead).
@Suite struct FilePageCacheTests {
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// A new file of 64 pages, written through to the disk (so its cached pages are clean and can go).
    private func writtenFile() throws -> (url: URL, cache: FilePageCache) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("smbtriage-pagecache-\(UUID().uuidString)")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let file = try FileHandle(forWritingTo: url)
        try file.write(contentsOf: Data(repeating: 0x5A, count: 64 * Self.pageSize))
        try file.synchronize()
        try file.close()
        return (url, FilePageCache(path: url.path))
    }

    @Test func evictingLeavesNothingOfTheFileCachedAndReadingBringsBackWhatItRead() throws {
        let (url, cache) = try writtenFile()
        defer { try? FileManager.default.removeItem(at: url) }
        _ = try Data(contentsOf: url)
        #expect(try cache.cachedBytes() == 64 * Self.pageSize)

        try cache.evict()
        #expect(try cache.cachedBytes() == 0)

        let reader = try FileHandle(forReadingFrom: url)
        defer { try? reader.close() }
        try cache.evict()
        try reader.seek(toOffset: UInt64(10 * Self.pageSize))
        _ = try reader.read(upToCount: Self.pageSize)
        let cached = try cache.cachedBytes()
        #expect(cached >= Self.pageSize && cached < 64 * Self.pageSize)
    }

    @Test func aMissingFileIsAnErrorNamingIt() {
        let cache = FilePageCache(path: "/nonexistent/smbtriage-pagecache")
        #expect(throws: FilePageCache.Failure.self) { try cache.evict() }
        #expect(throws: FilePageCache.Failure.self) { try cache.cachedBytes() }
    }
}
