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
    /// How long opening waits for the lock: long enough for a queue of processes each creating
    /// or migrating the store on a loaded machine (6 debug builds at once under the whole test
    /// suite went past 5 s), short enough that a stranger's lock on /tmp is reported.
    static let patience: Duration = .seconds(30)

    private var descriptor: Int32

    init(directory: String, exclusive: Bool, storePath: String, patience: Duration = patience) throws(StoreError) {
        descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        let deadline = ContinuousClock.now + patience
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
