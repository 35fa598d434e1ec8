import Foundation

/// An advisory lock (`flock`) on the store's directory, held while a process creates, checks and
/// migrates the store, so smbtriage processes opening the same new store do it one after the other.
///
/// The directory is locked, not the database file: closing any descriptor of the database file
/// would drop the POSIX locks SQLite holds on it. Readers take the lock shared, writers exclusive;
/// a directory that cannot be opened for reading is not locked (opening then relies on SQLite's
/// own locks alone). A lock held longer than `patience` (anyone who may read a shared directory
/// such as /tmp can take it) makes opening fail as `StoreError.locked` rather than wait forever.
final class StoreOpeningLock {
    /// How long opening waits for the lock: SQLite's busy timeout for the store.
    static let patience: Duration = .seconds(5)

    private var descriptor: Int32

    init(directory: String, exclusive: Bool, storePath: String) throws(StoreError) {
        descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        let deadline = ContinuousClock.now + Self.patience
        while flock(descriptor, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                release() // A file system without flock: SQLite's locks alone, then.
                return
            }
            guard ContinuousClock.now < deadline else {
                release()
                throw .locked(path: storePath)
            }
            usleep(10_000)
        }
    }

    /// Releases the lock (also done when the lock goes away).
    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
