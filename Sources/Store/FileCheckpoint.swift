/// How far `smbtriage watch` has read a log file; device and inode tell a rotated file from the
/// one that was read.
public struct FileCheckpoint: Hashable, Sendable {
    public var path: String
    public var device: UInt64
    public var inode: UInt64
    /// Byte offset of the first unread byte.
    public var offset: Int64
    /// Number of lines read so far.
    public var line: Int

    public init(path: String, device: UInt64, inode: UInt64, offset: Int64, line: Int) {
        self.path = path
        self.device = device
        self.inode = inode
        self.offset = offset
        self.line = line
    }
}
