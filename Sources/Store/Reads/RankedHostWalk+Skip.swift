import Foundation
import GRDB

extension RankedHostWalk {
    /// Where a page from `offset` starts: the place of a host before it (nil: from the first
    /// host) and how many hosts up to that place were `skipped`; the page's walk steps through
    /// the `offset − skipped` hosts after it (at most `steppedHosts`, unless a side runs out).
    ///
    /// The hosts before the page are skipped by probing, never stepped through one by one: a
    /// probe takes a side's host `t` entries after the current place (SQLite skips the entries
    /// with OFFSET, decoding nothing) and counts the other side's hosts between the two places,
    /// so the probed host's position is known. A host before `offset` becomes the current place;
    /// one past it makes the next probe shorter, and a probe past the side's last host half as
    /// long. `t` is the remaining hosts times the probed side's share seen so far, a little
    /// short of it, so most probes land just before the page:
    /// the middle of 100 k hosts costs about one pass over the entries before it, inside SQLite.
    func start(_ db: Database, sides: [Side], offset: Int, reversed: Bool) throws -> (after: Place?, skipped: Int) {
        guard let first = sides.first, offset > steppedHosts else { return (nil, 0) }
        guard let other = sides.dropFirst().first else {
            return try jump(db, on: first, after: nil, offset: offset, remaining: offset, reversed: reversed)
        }
        var place: Place?
        var remaining = offset
        // The first side's share of the hosts seen in probes, and the longest probe of each side
        // still worth trying (a probe that went past the page bounds the next one of its side).
        var firstShare = 0.5
        var longest = [Int.max, Int.max]
        while remaining > steppedHosts {
            let probesFirst = firstShare >= 0.5
            let (probed, counted) = probesFirst ? (first, other) : (other, first)
            let share = probesFirst ? firstShare : 1 - firstShare
            let side = probesFirst ? 0 : 1
            let length = min(max(Int(Double(remaining) * share * 0.9) - 1, 0), longest[side])
            guard let next = try host(db, on: probed, after: place, skipping: length, reversed: reversed) else {
                // The probed side has no host that far: every remaining host may be the other side's.
                if length == 0 { return try jump(db, on: counted, after: place, offset: offset, remaining: remaining, reversed: reversed) }
                // Halved, not shortened by one: a side far smaller than the page's offset is found
                // in a few probes, each of which read the side's entries to its end.
                longest[side] = length / 2
                continue
            }
            let between = try hosts(db, on: counted, after: place, before: next, reversed: reversed)
            let position = length + 1 + between
            firstShare = Double(probesFirst ? length + 1 : between) / Double(position)
            if position <= remaining {
                place = next
                remaining -= position
                longest = [Int.max, Int.max]
            } else if length == 0 {
                // The probed side's next host is past the page: every host before it is the other side's.
                return try jump(db, on: counted, after: place, offset: offset, remaining: remaining, reversed: reversed)
            } else {
                longest[side] = length - 1
            }
        }
        return (place, offset - remaining)
    }

    /// The start of a page whose `remaining` hosts after `place` are all on `side`.
    private func jump(_ db: Database, on side: Side, after place: Place?, offset: Int, remaining: Int,
                      reversed: Bool) throws -> (after: Place?, skipped: Int) {
        guard let last = try host(db, on: side, after: place, skipping: remaining - 1, reversed: reversed) else {
            return (place, offset - remaining)
        }
        return (last, offset)
    }

    /// The place of `side`'s host `skipping` hosts after `place` (after none: from its first).
    private func host(_ db: Database, on side: Side, after place: Place?, skipping: Int, reversed: Bool) throws -> Place? {
        let statement = walk(side, after: place, reversed: reversed)
        return try Row.fetchOne(db.cachedStatement(sql: statement.sql), arguments: statement.arguments + [1, skipping])
            .map { Place(rank: $0[1], address: $0[0]) }
    }

    /// How many of `side`'s hosts come after `place` (after none: from its first) and before `end`.
    private func hosts(_ db: Database, on side: Side, after place: Place?, before end: Place, reversed: Bool) throws -> Int {
        let bounds = (place == nil ? [] : [Self.after(side.column, reversed: reversed)]) + [Self.after(side.column, reversed: !reversed)]
        let sql = "SELECT count(*) " + source(side, bounds: bounds)
        let arguments = leadingArguments(side) + (place.map { self.arguments(after: $0, side: side) } ?? [])
            + self.arguments(after: end, side: side)
        return try Int.fetchOne(db.cachedStatement(sql: sql), arguments: arguments) ?? 0
    }
}
