import Detection
import Foundation
import Store
import TestSupport
import TriageModel

/// A store tests fill with generated records over simulated days (subclasses generate them): the
/// seeded randomness and record numbering the generators share, detection, and picking alerts.
class GeneratedTriageStore {
    let fixture: StoreFixture
    var random: SplitMix64
    var line = 0
    /// When the last batch was ingested: executions look back from there (the rule's window is on ingest time).
    var lastIngest = baseTime
    /// The store under test: the fixture's, or the file opened again.
    lazy var store: SMBStore = fixture.store

    init(seed: UInt64) throws {
        fixture = try StoreFixture()
        random = SplitMix64(seed: seed)
    }

    func detect() throws {
        _ = try fixture.store(running: RuleCatalog(fixture.rule(maxSignals: 100_000)))
            .detectUntilNothingPending(at: lastIngest.addingTimeInterval(60))
    }

    /// Every `step`-th alert in `status`, newest first.
    func alertIDs(_ status: AlertStatus, every step: Int) throws -> [Int64] {
        try store.alerts(AlertQuery(status: status), offset: 0, limit: 100_000).rows.map(\.id)
            .enumerated().filter { $0.offset % step == 0 }.map(\.element)
    }
}
