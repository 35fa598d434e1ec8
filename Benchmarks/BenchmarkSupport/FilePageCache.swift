import Foundation

/// The OS page cache's hold on one file: dropping the file's cached pages, so the next reads of it
/// come from the disk, and measuring how much of it is cached. Only that file: the rest of the
/// machine's cache stays as it is.
public struct FilePageCache: Sendable {
    /// A system call on the file failed.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Asks the kernel to drop the file's clean cached pages (`POSIX_FADV_DONTNEED`; pages not
    /// yet written stay).
    public func evict() throws {
        try withDescriptor { descriptor in
            let result = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_DONTNEED))
            guard result == 0 else { throw failure("posix_fadvise", code: result) }
        }
    }

    /// How many bytes of the file the page cache holds now (`mincore` over a read-only mapping),
    /// in whole pages of the OS.
    public func cachedBytes() throws -> Int {
        try withDescriptor { descriptor in
            var status = stat()
            guard fstat(descriptor, &status) == 0 else { throw failure("fstat", code: errno) }
            let size = Int(status.st_size)
            guard size > 0 else { return 0 }
            guard let mapping = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0), mapping != MAP_FAILED else {
                throw failure("mmap", code: errno)
            }
            defer { munmap(mapping, size) }
            let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
            var resident = [UInt8](repeating: 0, count: (size + pageSize - 1) / pageSize)
            guard mincore(mapping, size, &resident) == 0 else { throw failure("mincore", code: errno) }
            return resident.reduce(0) { $0 + Int($1 & 1) } * pageSize
        }
    }

    private func withDescriptor<T>(_ body: (Int32) throws -> T) throws -> T {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure("open", code: errno) }
        defer { close(descriptor) }
        return try body(descriptor)
    }

    private func failure(_ call: String, code: Int32) -> Failure {
        Failure(description: "\(call) \(path): \(String(cString: strerror(code)))")
    }
}
