import Foundation

/// The database file on disk before SQLite opens it.
enum StoreFile {
    /// Checks `path` can be opened as asked; when writable, creates its directory (0700) and an
    /// empty file with mode 0600 (SQLite gives the -wal and -shm files the same mode).
    static func prepare(path: String, readOnly: Bool) throws(StoreError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else { throw .permissionDenied(path: path, detail: "it is a directory") }
            guard access(path, readOnly ? R_OK : R_OK | W_OK) == 0 else {
                throw .permissionDenied(path: path, detail: readOnly ? "it is not readable" : "it is not readable and writable")
            }
            return
        }
        guard !readOnly else { throw .permissionDenied(path: path, detail: "no store exists there") }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try manager.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
            } catch {
                throw .permissionDenied(path: path, detail: "its directory cannot be created (\(error.localizedDescription))")
            }
        }
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .permissionDenied(path: path, detail: "the file cannot be created (\(String(cString: strerror(errno))))")
        }
        close(descriptor)
    }
}
