import Foundation

/// An advisory lock (`flock`) on the store's directory, held while a process creates, checks and
/// migrates the store, so smbtriage processes opening the same new store do it one after the other.
///
/// The directory is locked, not the database file: closing any descriptor of the database file
/// would drop the POSIX locks SQLite holds on it. Readers take the lock shared, writers exclusive;
/// a directory that cannot be opened for reading is not locked (opening then relies on SQLite's
/// own locks alone).
final class StoreOpeningLock {
    private var descriptor: Int32

    init(directory: String, exclusive: Bool) {
        descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        while flock(descriptor, exclusive ? LOCK_EX : LOCK_SH) != 0 && errno == EINTR {}
    }

    /// Releases the lock (also done when the lock goes away).
    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
