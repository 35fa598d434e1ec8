import GRDB

/// The times of the oldest and newest stored flow, each found by probing few hosts. A host's
/// stored flows lie within its first and last activity (`host.first_seen` and `last_seen`, which
/// count pruned flows too), so hosts are probed through `event_source_time` in the order of that
/// bound until no host left can hold an older (newer) flow: on a store nothing was pruned from,
/// one host each. Probing every host took 1.0–3.5 s at 100 k hosts; after prunes the oldest side
/// still probes each host whose first activity is older than the oldest flow kept.
enum StoredFlowSpan {
    static func read(_ db: Database) throws -> (oldest: Double?, newest: Double?) {
        (try bound(db, aggregate: "min", hostBound: "first_seen", order: "ASC", combine: min, isPast: >=),
         try bound(db, aggregate: "max", hostBound: "last_seen", order: "DESC", combine: max, isPast: <=))
    }

    /// `aggregate` (which `combine` computes) of every stored flow's `seen_at`: the flows without a
    /// source address, then the hosts in `order` of `hostBound`, until a host's bound `isPast` the
    /// value so far.
    private static func bound(_ db: Database, aggregate: String, hostBound: String, order: String,
                              combine: (Double, Double) -> Double, isPast: (Double, Double) -> Bool) throws -> Double? {
        var found = try Double.fetchOne(db, sql: "SELECT \(aggregate)(seen_at) FROM event WHERE source_ip IS NULL")
        let probe = try db.makeStatement(sql: "SELECT \(aggregate)(seen_at) FROM event WHERE source_ip = ?")
        let hosts = try Row.fetchCursor(db, sql: "SELECT address, \(hostBound) FROM host ORDER BY \(hostBound) \(order)")
        while let host = try hosts.next() {
            if let found, isPast(host[1], found) { break }
            guard let seen = try Double.fetchOne(probe, arguments: [host[0] as DatabaseValue]) else { continue }
            found = found.map { combine($0, seen) } ?? seen
        }
        return found
    }
}
