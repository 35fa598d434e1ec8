import BenchmarkSupport
import Foundation
import Testing
import TestSupport

/// What `scale-benchmark --cold` relies on: a file's pages leave the OS cache, and a read brings
/// back only the part around it (the read and the kernel's read-ahead).
@Suite struct FilePageCacheTests {
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// A new file of 64 pages in `directory`, written through to the disk (so its cached pages are
    /// clean and can go).
    private func writtenFile(in directory: TemporaryDirectory) throws -> (url: URL, cache: FilePageCache) {
        let url = URL(fileURLWithPath: directory.path).appendingPathComponent("pages")
        try Data(repeating: 0x5A, count: 64 * Self.pageSize).write(to: url)
        let file = try FileHandle(forWritingTo: url)
        try file.synchronize()
        try file.close()
        return (url, FilePageCache(path: url.path))
    }

    @Test func evictingLeavesNothingOfTheFileCachedAndReadingBringsBackWhatItRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (url, cache) = try writtenFile(in: directory)
        _ = try Data(contentsOf: url)
        #expect(try cache.cachedBytes() == 64 * Self.pageSize)

        try cache.evict()
        #expect(try cache.cachedBytes() == 0, "on tmpfs (TMPDIR) pages never leave the cache: run with TMPDIR on a disk")

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
