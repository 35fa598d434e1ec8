import Foundation

/// A file's device, inode, size and modification time: how `watch` tells growth from rotation,
/// and a capture being written from a complete one.
struct FileIdentity {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Date

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        modified = Date(timeIntervalSince1970: TimeInterval(status.st_mtim.tv_sec) + TimeInterval(status.st_mtim.tv_nsec) / 1e9)
    }

    /// A file in the same directory as `path` with the given identity: a rotated log's new name.
    static func sibling(of path: String, device: UInt64, inode: UInt64) -> String? {
        let directory = (path as NSString).deletingLastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        return names.lazy.map { (directory as NSString).appendingPathComponent($0) }.first { candidate in
            guard let identity = FileIdentity(path: candidate) else { return false }
            return identity.device == device && identity.inode == inode
        }
    }
}
