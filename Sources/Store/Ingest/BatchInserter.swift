import Detection
import Foundation

/// Stores events on a writer thread of its own while the caller goes on reading: `add` does each
/// event's per-record work on the caller's thread (fingerprint, records compressed in blocks:
/// `PreparedBatch`) and gathers the events into batches of `batchSize` (the first is queued at
/// `firstBatchSize`), each stored in one write transaction (`SMBStore.insert`), and blocks only
/// while a full batch already waits. It lives for one call of `storing`, which always waits for
/// the writer before it returns, also when reading failed.
///
/// Every batch is atomic: a process killed midway leaves whole batches, and re-reading the input
/// stores the rest (re-ingesting a record is a no-op). A `BackgroundCheckpointer` copies each
/// committed batch into the database file meanwhile. All state the two threads share is
/// guarded by `condition`; `gathering` and `compressor` belong to the caller.
public final class BatchInserter: @unchecked Sendable {
    /// How long the writer thread spent storing, once `finish` returned.
    public struct WriteTime: Hashable, Sendable {
        /// Write transactions run (a failed one, rolled back, included).
        public var transactions = 0
        /// Wall seconds spent inside them.
        public var wallSeconds = 0.0
        /// CPU seconds the writer thread used inside them.
        public var cpuSeconds = 0.0
    }

    /// Events per write transaction unless told otherwise: big enough that a commit's writes of
    /// the random index pages (fingerprints, sources) are shared by many events (on the
    /// generated ECS file, 4 k-event transactions cost a third more system time), small enough
    /// to bound memory (16 k-event ones were no faster and raised the peak RSS from 165 to 198 MB).
    public static let defaultBatchSize = 8_192
    /// Events after which the first batch is queued, so the writer starts with the first
    /// delivery rather than waiting for a full batch (the writer is the pipeline's longest
    /// thread: every batch it waits for at the start it still writes at the end).
    static let firstBatchSize = 1_024
    /// Full batches that may wait for the writer before `add` blocks: with the one being
    /// written and the one being gathered, at most three batches of events are held.
    static let queueLimit = 1

    private let store: SMBStore
    /// Nil on a read-only store (its first batch fails instead), or when its connection could
    /// not be opened: the writer then checkpoints as usual.
    private let checkpointer: BackgroundCheckpointer?
    private let ingestedAt: Date
    private let batchSize: Int
    private var gathering = PreparedBatch.Gathering()
    /// Whether a batch was queued yet (until then, `firstBatchSize` events make one).
    private var hasQueued = false
    private let compressor = RecordCompressor()

    private let condition = NSCondition()
    private var queue: [PreparedBatch] = []
    /// Batches the writer stored, freed by the caller's thread (`enqueue`), not the writer's.
    private var written: [PreparedBatch] = []
    private var isClosed = false
    private var isWriterDone = false
    private var failure: (any Error)?
    private var stored = InsertResult()
    private var time = WriteTime()

    /// What `storing` returns: `read`'s value, what every batch did, and the writer's time.
    public struct Outcome<Value> {
        public var value: Value
        public var stored: InsertResult
        public var writeTime: WriteTime
    }

    /// Runs `read` with an inserter for events stamped `ingestedAt`, then stores what is left and
    /// waits for the writer. Throws `read`'s error, or else the first failed batch's.
    public static func storing<Value>(
        into store: SMBStore, ingestedAt: Date, batchSize: Int = defaultBatchSize,
        _ read: (BatchInserter) throws -> Value
    ) throws -> Outcome<Value> {
        let inserter = BatchInserter(store: store, ingestedAt: ingestedAt, batchSize: batchSize)
        let value: Value
        do {
            value = try read(inserter)
        } catch {
            _ = try? inserter.finish()
            throw error
        }
        let stored = try inserter.finish()
        return Outcome(value: value, stored: stored, writeTime: inserter.writeTime)
    }

    /// Starts the checkpointer and the writer thread for events stamped `ingestedAt`.
    private init(store: SMBStore, ingestedAt: Date, batchSize: Int) {
        self.store = store
        checkpointer = store.isReadOnly ? nil : try? BackgroundCheckpointer(store: store)
        self.ingestedAt = ingestedAt
        self.batchSize = max(1, batchSize)
        gathering = PreparedBatch.Gathering(capacity: self.batchSize)
        let thread = Thread { [self] in writeBatches() }
        thread.start()
    }

    /// Takes events to store; throws the writer's error once a batch failed (nothing of that
    /// batch was kept, and nothing after it is written).
    public func add(_ events: [IngestedEvent]) throws {
        for event in events { gathering.append(event, compressor: compressor) }
        guard gathering.count >= (hasQueued ? batchSize : min(batchSize, Self.firstBatchSize)) else { return }
        try enqueue(gathering.close(compressor: compressor))
        hasQueued = true
        gathering = PreparedBatch.Gathering(capacity: batchSize)
    }

    /// Stores the events still gathered, waits for the writer, and returns what every batch did
    /// (or throws the first batch's error).
    private func finish() throws -> InsertResult {
        if !gathering.isEmpty {
            defer { gathering = PreparedBatch.Gathering() }
            do {
                try enqueue(gathering.close(compressor: compressor))
            } catch {
                close()
                throw error
            }
        }
        close()
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
        return stored
    }

    /// The writer thread's figures; complete once `finish` returned.
    private var writeTime: WriteTime {
        condition.lock()
        defer { condition.unlock() }
        return time
    }

    // MARK: The two threads

    /// Queues `batch` for the writer, once fewer than `queueLimit` wait; then frees the batches
    /// the writer is done with (4% of the writer's instructions when it freed them), outside the lock.
    private func enqueue(_ batch: PreparedBatch) throws {
        var done: [PreparedBatch] = []
        defer { done.removeAll() }
        condition.lock()
        defer { condition.unlock() }
        while failure == nil && queue.count >= Self.queueLimit { condition.wait() }
        swap(&done, &written)
        if let failure { throw failure }
        queue.append(batch)
        condition.broadcast()
    }

    /// Lets the writer end once the queue is empty, waits for it, then stops the checkpointer.
    private func close() {
        condition.lock()
        isClosed = true
        condition.broadcast()
        while !isWriterDone { condition.wait() }
        condition.unlock()
        checkpointer?.stop()
    }

    private func writeBatches() {
        while let batch = nextBatch() {
            let cpuStart = Self.threadCPUSeconds()
            let wallStart = DispatchTime.now().uptimeNanoseconds
            let outcome = Result { try store.insert(prepared: batch, ingestedAt: ingestedAt) }
            let wall = Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9
            let cpu = Self.threadCPUSeconds() - cpuStart
            condition.lock()
            time.transactions += 1
            time.wallSeconds += wall
            time.cpuSeconds += cpu
            written.append(batch)
            switch outcome {
            case .success(let result):
                checkpointer?.request()
                stored.inserted += result.inserted
                stored.duplicates += result.duplicates
                stored.updated += result.updated
                stored.joinedConnections += result.joinedConnections
            case .failure(let error):
                failure = error
                queue.removeAll()
            }
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The next batch to write, or nil (marking the writer done) when there is none to come.
    private func nextBatch() -> PreparedBatch? {
        condition.lock()
        defer { condition.unlock() }
        while failure == nil && queue.isEmpty && !isClosed { condition.wait() }
        guard failure == nil, !queue.isEmpty else {
            isWriterDone = true
            condition.broadcast()
            return nil
        }
        return queue.removeFirst()
    }

    private static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
