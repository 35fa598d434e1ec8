/// What one `SMBStore.insert` call did with the events it was given.
public struct InsertResult: Hashable, Sendable {
    /// New events stored.
    public var inserted: Int
    /// Events already stored (same fingerprint), or stale reports of a flow already stored.
    public var duplicates: Int
    /// Packetbeat intermediate reports replaced by a later cumulative report of the same flow.
    public var updated: Int
    /// New events that joined a connection already stored (another sensor's record of it, or a
    /// record of this call before them); the other `inserted` events each started a connection.
    public var joinedConnections: Int

    public init(inserted: Int = 0, duplicates: Int = 0, updated: Int = 0, joinedConnections: Int = 0) {
        self.inserted = inserted
        self.duplicates = duplicates
        self.updated = updated
        self.joinedConnections = joinedConnections
    }

    /// Connections the new events started.
    public var newConnections: Int { inserted - joinedConnections }
}
