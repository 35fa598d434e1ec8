import Foundation
import Store

/// The demo's store: one directory under the cache directory, emptied at the start of every run
/// so runs leave nothing new behind, and locked while a demo uses it.
struct DemoStore {
    let directory: URL
    var path: String { directory.appendingPathComponent("demo.db").path }

    /// The directory `StoreLocation.demoDirectory` names for this process's environment.
    static var standard: DemoStore {
        DemoStore(directory: URL(fileURLWithPath: StoreLocation.demoDirectory(
            environment: ProcessInfo.processInfo.environment), isDirectory: true))
    }

    /// Creates the directory, locks it for this demo (released when the returned lock goes away)
    /// and removes the previous run's store.
    func prepare() throws -> DirectoryLock {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("cannot create the demo's directory \(directory.path): \(error)")
        }
        let lock = try DirectoryLock(directory.appendingPathComponent("lock").path) ?? {
            throw CommandFailure("""
                another smbtriage demo is using \(TerminalText.safe(directory.path)); \
                close it first, or load the demo elsewhere with --db PATH
                """)
        }()
        for suffix in ["", "-wal", "-shm", "-journal"] where FileManager.default.fileExists(atPath: path + suffix) {
            do {
                try FileManager.default.removeItem(atPath: path + suffix)
            } catch {
                throw CommandFailure("cannot remove the previous demo store \(path + suffix): \(error)")
            }
        }
        return lock
    }
}

/// An exclusive `flock` on a lock file, held until the value goes away.
final class DirectoryLock {
    private let descriptor: Int32

    /// Nil when another open lock holds the file.
    init?(_ path: String) throws {
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
