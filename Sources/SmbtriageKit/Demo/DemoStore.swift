import Foundation
import Store

/// The demo's store: one directory under the cache directory, emptied at the start of every run
/// so runs leave nothing new behind, and locked while a demo uses it.
public struct DemoStore {
    public let directory: URL
    public var path: String { directory.appendingPathComponent("demo.db").path }

    /// The directory `StoreLocation.demoDirectory` names for this process's environment.
    public static var standard: DemoStore {
        DemoStore(directory: URL(fileURLWithPath: StoreLocation.demoDirectory(
            environment: ProcessInfo.processInfo.environment), isDirectory: true))
    }

    /// Creates the directory, locks it for this demo (released when the returned lock goes away)
    /// and removes the previous run's store.
    public func prepare() throws -> DirectoryLock {
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
