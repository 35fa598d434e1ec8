/// A store other users could read or write when it was opened: tightened to mode 0600, or left
/// as it was because it belongs to another user.
public struct PermissionNotice: Equatable, Sendable, CustomStringConvertible {
    /// The store's path.
    public let path: String
    /// The loosest permission bits the store, its -wal or its -shm had (e.g. 0o644).
    public let previousMode: Int
    /// True when the files now have mode 0600.
    public let isTightened: Bool

    public init(path: String, previousMode: Int, isTightened: Bool) {
        self.path = path
        self.previousMode = previousMode
        self.isTightened = isTightened
    }

    public var description: String {
        let mode = "0" + String(previousMode, radix: 8)
        return isTightened
            ? "The store \(path) was open to other users (mode \(mode)); it is now 0600."
            : "The store \(path) is open to other users (mode \(mode)) and belongs to another user, so its mode stays; its owner can run chmod 600 on it."
    }
}
