import Detection
import Foundation
import Ingest
import Store
import TriageModel

/// Reads inputs into the store and runs the detector: what `ingest`, `demo` and `watch` share.
public struct IngestSession {
    public let store: SMBStore
    public let rule: CompiledRule
    public let ingestor: LogIngestor

    /// One input's outcome: what the reader saw and what the store made of it.
    public struct FileResult {
        public var summary: FileSummary
        /// SMB records the store did not hold before.
        public var inserted: Int
        /// Connections those records started (the others joined a connection another sensor's
        /// record had started: one connection, several records).
        public var newConnections: Int
        /// Reports that replaced the stored report of their flow (Packetbeat's cumulative reports).
        public var updated: Int
        /// Records the store already held, or stale reports of a flow it holds.
        public var duplicates: Int

        public init(_ summary: FileSummary, _ stored: InsertResult) {
            self.summary = summary
            inserted = stored.inserted
            newConnections = stored.newConnections
            updated = stored.updated
            duplicates = stored.duplicates
        }
    }

    public init(store: SMBStore, options: IngestOptions) throws {
        self.store = store
        rule = try store.activeRule()
        ingestor = LogIngestor(options: options)
    }

    /// Reads one input, storing its SMB events stamped with `ingestedAt` while it is read.
    public func ingest(_ input: InputFile, ingestedAt: Date) throws -> FileResult {
        let storing = try BatchInserter.storing(into: store, ingestedAt: ingestedAt) { inserter in
            try ingestor.ingest(input, deliver: inserter.add)
        }
        return FileResult(storing.value, storing.stored)
    }

    /// Reads the complete lines a growing file holds past `position` (see `LogIngestor`), storing
    /// them like `ingest`; returns where reading stopped.
    public func ingest(_ input: InputFile, from position: ReadPosition,
                ingestedAt: Date) throws -> (result: FileResult, end: ReadPosition) {
        let storing = try BatchInserter.storing(into: store, ingestedAt: ingestedAt) { inserter in
            try ingestor.ingest(input, from: position, deliver: inserter.add)
        }
        return (FileResult(storing.value.summary, storing.stored), storing.value.end)
    }

    /// Runs executions at `time` until no match is left pending.
    public func detect(at time: Date) throws -> [ExecutionRecord] {
        try store.detectUntilNothingPending(at: time)
    }
}
