import Foundation
import GRDB
import TriageModel

/// The running tally of one execution, saved to its `execution` row with every chunk so the
/// log always matches what was committed.
struct ExecutionRun {
    let id: Int64
    let ranAt: Date
    let windowStart: Date
    var alerted = 0
    var pending = 0
    var suppressedBy: [String: Int] = [:]
    /// Matches a new-terms execution neither alerted nor left pending: their source.ip values
    /// were seen in the history window or on an earlier document.
    var knownTerms = 0
    /// Suppressions not yet added to `exception_item.suppressed_events`.
    private var unsavedSuppressions: [String: Int] = [:]
    var capReached = false

    init(id: Int64, ranAt: Date, windowStart: Date) {
        self.id = id
        self.ranAt = ranAt
        self.windowStart = windowStart
    }

    /// Matches found: alerted, suppressed, left pending, or (new terms) carrying no new value.
    var matched: Int { alerted + suppressedBy.values.reduce(0, +) + pending + knownTerms }

    mutating func suppress(_ exceptionID: String) {
        suppressedBy[exceptionID, default: 0] += 1
        unsavedSuppressions[exceptionID, default: 0] += 1
    }

    /// Writes the tally and the new suppression counts inside the caller's transaction.
    mutating func save(_ db: Database) throws {
        let suppressedJSON = String(decoding: try JSONEncoder().encode(suppressedBy), as: UTF8.self)
        try db.cachedStatement(sql: """
            UPDATE execution SET matched = ?, alerted = ?, pending = ?, suppressed_by = ?, cap_reached = ?
            WHERE id = ?
            """).execute(arguments: [matched, alerted, pending, suppressedJSON, capReached, id])
        let count = try db.cachedStatement(sql: """
            UPDATE exception_item SET suppressed_events = suppressed_events + ? WHERE id = ?
            """)
        for (exceptionID, suppressed) in unsavedSuppressions {
            try count.execute(arguments: [suppressed, exceptionID])
        }
        unsavedSuppressions.removeAll()
    }

    var record: ExecutionRecord {
        ExecutionRecord(id: id, ranAt: ranAt, windowStart: windowStart, windowEnd: ranAt, matched: matched,
                        alerted: alerted, pending: pending, suppressedBy: suppressedBy, capReached: capReached)
    }
}
