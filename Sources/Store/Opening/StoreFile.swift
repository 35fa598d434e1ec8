import Foundation

/// The database file on disk before SQLite opens it: its directory, its existence, its mode.
enum StoreFile {
    /// The mode of a store and of its -wal and -shm files: the analyst's alone.
    static let mode: mode_t = 0o600
    /// The mode of a directory created for a store.
    static let directoryMode: mode_t = 0o700

    /// What `prepare` found or did.
    struct Preparation {
        /// The file did not exist, or held no byte: a new store.
        var isEmpty: Bool
        /// Set when the file (or its -wal/-shm) was open to other users.
        var permissions: PermissionNotice?
    }

    /// Checks `path` can be opened as asked; when writable, creates an empty file with mode 0600
    /// whatever the umask (SQLite gives the -wal and -shm files the file's mode). A store other
    /// users may read is tightened to 0600 when it is ours to chmod.
    static func prepare(path: String, readOnly: Bool) throws(StoreError) -> Preparation {
        var status = stat()
        if lstat(path, &status) != 0 {
            guard !readOnly else { throw .permissionDenied(path: path, detail: "no store exists there") }
            if try create(path) { return Preparation(isEmpty: true) }
            guard lstat(path, &status) == 0 else { throw .permissionDenied(path: path, detail: "it vanished while being created") }
        }
        if status.st_mode & S_IFMT == S_IFLNK {
            guard stat(path, &status) == 0 else {
                throw .danglingLink(path: path, target: (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
            }
        }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw .permissionDenied(path: path, detail: "it is a directory") }
        // SQLite keeps -wal and -shm beside the file a link leads to.
        let file = resolved(path)
        guard access(file, readOnly ? R_OK : R_OK | W_OK) == 0 else {
            throw .permissionDenied(path: path, detail: readOnly ? "it is not readable" : "it is not readable and writable")
        }
        if access(directory(of: file), W_OK) != 0 {
            guard readOnly else { throw .directoryNotWritable(path: path) }
            if access(file + "-shm", F_OK) != 0 && size(file + "-wal") > 0 {
                throw .permissionDenied(path: path, detail: "its directory is not writable, so SQLite cannot read the write-ahead log "
                                        + "beside it; open it once where its directory is writable")
            }
        }
        return Preparation(isEmpty: status.st_size == 0, permissions: tighten(file, status, reportedAs: path))
    }

    /// The size of the file at `path` (its links followed); 0 when there is none.
    static func size(_ path: String) -> Int64 {
        var status = stat()
        return stat(path, &status) == 0 ? Int64(status.st_size) : 0
    }

    /// `path` with its symbolic links followed (itself when it does not lead anywhere).
    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    /// The directory holding `path` ("." for a bare file name).
    static func directory(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    /// True when the store is read in a directory this process cannot write and SQLite has no
    /// shared-memory file there: SQLite could not create one, so the file is read as immutable.
    static func needsImmutableReading(_ path: String, readOnly: Bool) -> Bool {
        let file = resolved(path)
        return readOnly && access(directory(of: file), W_OK) != 0 && access(file + "-shm", F_OK) != 0
    }

    /// Creates the directory of `path` and any missing parent with mode 0700 whatever the umask;
    /// another process creating one at the same time is fine.
    static func createDirectory(for path: String) throws(StoreError) {
        try createDirectory(directory(of: path), for: path)
    }

    private static func createDirectory(_ directory: String, for path: String) throws(StoreError) {
        var status = stat()
        if stat(directory, &status) == 0 { return }
        let parent = (directory as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != directory { try createDirectory(parent, for: path) }
        if mkdir(directory, directoryMode) == 0 {
            chmod(directory, directoryMode)
        } else if errno != EEXIST {
            throw .permissionDenied(path: path, detail: "its directory cannot be created (\(String(cString: strerror(errno))))")
        }
    }

    /// Creates the empty store file with mode 0600; false when another process created it first.
    private static func create(_ path: String) throws(StoreError) -> Bool {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, mode)
        guard descriptor >= 0 else {
            if errno == EEXIST { return false }
            throw .permissionDenied(path: path, detail: "the file cannot be created (\(String(cString: strerror(errno))))")
        }
        fchmod(descriptor, mode)
        close(descriptor)
        return true
    }

    /// Gives the store and its -wal and -shm mode 0600 when other users may read or write any of
    /// them; says what it did, or that the file is another user's and keeps its mode.
    private static func tighten(_ path: String, _ status: stat, reportedAs name: String) -> PermissionNotice? {
        let files = [path, path + "-wal", path + "-shm"]
        var loosest: mode_t = 0
        for file in files {
            var fileStatus = stat()
            if stat(file, &fileStatus) == 0 { loosest |= fileStatus.st_mode & 0o077 }
        }
        guard loosest != 0 else { return nil }
        let previous = Int((status.st_mode & 0o777) | loosest)
        guard status.st_uid == geteuid() else { return PermissionNotice(path: name, previousMode: previous, isTightened: false) }
        for file in files where access(file, F_OK) == 0 { chmod(file, mode) }
        return PermissionNotice(path: name, previousMode: previous, isTightened: true)
    }
}
