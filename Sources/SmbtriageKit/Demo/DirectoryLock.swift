import Foundation

/// An exclusive `flock` on a lock file, held until the value goes away.
public final class DirectoryLock {
    private let descriptor: Int32

    /// Nil when another open lock holds the file.
    public init?(_ path: String) throws {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CommandFailure("cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }
}
