import Foundation
import GRDB

/// Copies committed WAL frames into the database file on a thread and connection of its own
/// while a `BatchInserter` writes, so the writer seldom stops at a commit to checkpoint (and to
/// wait for the fsync that ends it): the writer's checkpoints took about 12% of the pipeline
/// benchmark's wall time.
///
/// While one runs, the writer still checkpoints, but only past `writerCheckpointBytes`
/// (`SMBStore.beginBackgroundCheckpoints`). By then these checkpoints copied nearly every frame,
/// and the writer's lets its next transaction rewind the WAL: a WAL rewinds only when a
/// transaction starts with every frame copied, which seldom happens while the two threads take
/// turns, so without it the WAL could grow by everything the ingest writes.
///
/// Checkpoints are PASSIVE: they never wait for, or block, the writer or a reader. One that
/// fails (the store busy, the disk full) only leaves frames in the WAL for the next one, or
/// for the writer's own checkpoints once `stop` returned; no committed data depends on it.
final class BackgroundCheckpointer: @unchecked Sendable {
    private let store: SMBStore
    private let connection: DatabaseQueue
    private let condition = NSCondition()
    private var isRequested = false
    private var isStopping = false
    private var isDone = false

    /// WAL bytes after which the writer checkpoints while this runs.
    static let writerCheckpointBytes = 64 << 20

    /// Raises the writer's checkpoint threshold and starts the checkpointing thread.
    init(store: SMBStore) throws {
        self.store = store
        connection = try DatabaseQueue(path: store.path, configuration: SMBStore.configuration(readOnly: false))
        try store.beginBackgroundCheckpoints()
        let thread = Thread { [self] in checkpointWhenAsked() }
        thread.start()
    }

    /// Asks for a checkpoint of everything committed so far (call after each commit).
    func request() {
        condition.lock()
        isRequested = true
        condition.signal()
        condition.unlock()
    }

    /// Runs a last requested checkpoint, ends the thread, and lets the writer checkpoint as
    /// usual again once no other checkpointer runs.
    func stop() {
        condition.lock()
        isStopping = true
        condition.signal()
        while !isDone { condition.wait() }
        condition.unlock()
        store.endBackgroundCheckpoints()
    }

    private func checkpointWhenAsked() {
        condition.lock()
        while true {
            while !isRequested && !isStopping { condition.wait() }
            guard isRequested else { break }
            isRequested = false
            condition.unlock()
            // A failed passive checkpoint loses nothing (see the type's note).
            try? connection.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)") }
            condition.lock()
        }
        isDone = true
        condition.broadcast()
        condition.unlock()
    }
}
