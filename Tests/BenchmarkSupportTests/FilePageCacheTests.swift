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

    /// The bytes `cache` holds after `read`, read again (up to 5 times) while they do not satisfy
    /// `expected`: a machine short of memory may drop a page between the read and the count.
    private func cachedBytes(_ cache: FilePageCache, after read: () throws -> Void,
                             expecting expected: (Int) -> Bool) throws -> Int {
        var cached = 0
        for _ in 0..<5 {
            try read()
            cached = try cache.cachedBytes()
            if expected(cached) { break }
        }
        return cached
    }

    @Test func evictingLeavesNothingOfTheFileCachedAndReadingBringsBackWhatItRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (url, cache) = try writtenFile(in: directory)
        let wholeFile = 64 * Self.pageSize
        #expect(try cachedBytes(cache, after: { _ = try Data(contentsOf: url) }, expecting: { $0 == wholeFile }) == wholeFile)

        try cache.evict()
        #expect(try cache.cachedBytes() == 0, "on tmpfs (TMPDIR) pages never leave the cache: run with TMPDIR on a disk")

        let reader = try FileHandle(forReadingFrom: url)
        defer { try? reader.close() }
        let aPageAndItsReadAhead = Self.pageSize..<wholeFile
        let cached = try cachedBytes(cache, after: {
            try cache.evict()
            try reader.seek(toOffset: UInt64(10 * Self.pageSize))
            _ = try reader.read(upToCount: Self.pageSize)
        }, expecting: aPageAndItsReadAhead.contains)
        #expect(aPageAndItsReadAhead.contains(cached))
    }

    @Test func aMissingFileIsAnErrorNamingIt() {
        let cache = FilePageCache(path: "/nonexistent/smbtriage-pagecache")
        #expect(throws: FilePageCache.Failure.self) { try cache.evict() }
        #expect(throws: FilePageCache.Failure.self) { try cache.cachedBytes() }
    }
}
