import Foundation

/// Turns command-line paths into the inputs to read.
public enum InputFiles {
    /// `-` becomes standard input; a directory becomes every regular, non-hidden file below it
    /// (recursively, hidden directories skipped), sorted by path; a file is itself. Symbolic links
    /// below a directory are followed: to a file, it is read; to a directory, it is read once (by
    /// device and inode, so a link loop ends). What is passed over (a dangling link, a directory
    /// already read, a FIFO or device, a subdirectory that cannot be listed) is listed with its
    /// reason. A path that does not exist or a named directory that cannot be listed throws.
    public static func expand(_ paths: [String]) throws(IngestError) -> InputListing {
        var listing = InputListing()
        for path in paths {
            if path == "-" {
                listing.files.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .missingInput(path: path)
            }
            if isDirectory.boolValue {
                var walk = DirectoryWalk()
                try walk.read(path)
                listing.files += walk.files.sorted().map { InputFile(path: $0, isFromDirectory: true) }
                listing.skipped += walk.skipped.sorted { $0.path < $1.path }
            } else {
                listing.files.append(InputFile(path: path))
            }
        }
        return listing
    }
}

/// One directory named on the command line, walked depth first.
private struct DirectoryWalk {
    private(set) var files: [String] = []
    private(set) var skipped: [SkippedInput] = []
    /// Device and inode of every directory entered.
    private var entered: Set<[UInt64]> = []

    /// Reads the named directory: it must be listable.
    mutating func read(_ root: String) throws(IngestError) {
        var status = stat()
        guard stat(root, &status) == 0 else {
            throw .unreadableDirectory(path: root, reason: String(cString: strerror(errno)))
        }
        entered.insert(Self.identity(status))
        do {
            try readEntries(of: root.hasSuffix("/") ? String(root.dropLast()) : root)
        } catch {
            throw .unreadableDirectory(path: root, reason: "cannot be listed: \(error.localizedDescription)")
        }
    }

    private mutating func readEntries(of directory: String) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() where !name.hasPrefix(".") {
            visit(directory + "/" + name)
        }
    }

    private mutating func visit(_ path: String) {
        var link = stat()
        guard lstat(path, &link) == 0 else {
            return skip(path, String(cString: strerror(errno)))
        }
        let isLink = link.st_mode & S_IFMT == S_IFLNK
        var status = link
        if isLink, stat(path, &status) != 0 {
            return skip(path, "symbolic link to nothing readable (\(String(cString: strerror(errno))))")
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            files.append(path)
        case S_IFDIR:
            guard entered.insert(Self.identity(status)).inserted else {
                return skip(path, "symbolic link to a directory already read (a loop or a second link)")
            }
            do {
                try readEntries(of: path)
            } catch {
                skip(path, "directory cannot be listed: \(error.localizedDescription)")
            }
        default:
            skip(path, isLink ? "symbolic link to something that is no regular file" : "no regular file")
        }
    }

    private mutating func skip(_ path: String, _ reason: String) {
        skipped.append(SkippedInput(path: path, reason: reason))
    }

    private static func identity(_ status: stat) -> [UInt64] {
        [UInt64(truncatingIfNeeded: status.st_dev), UInt64(truncatingIfNeeded: status.st_ino)]
    }
}
