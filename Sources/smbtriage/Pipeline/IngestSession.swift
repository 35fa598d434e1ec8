import Detection
import Foundation
import Ingest
import Store
import TriageModel

/// Reads inputs into the store and runs the detector: what `ingest`, `demo` and `watch` share.
struct IngestSession {
    let store: SMBStore
    let rule: CompiledRule
    let ingestor: LogIngestor

    /// One input's outcome: what the reader saw and what the store made of it.
    struct FileResult {
        var summary: FileSummary
        /// SMB flows the store did not hold before.
        var inserted: Int
        /// Reports that replaced the stored report of their flow (Packetbeat's cumulative reports).
        var updated: Int
        /// Records the store already held, or stale reports of a flow it holds.
        var duplicates: Int

        init(_ summary: FileSummary, _ stored: InsertResult) {
            self.summary = summary
            inserted = stored.inserted
            updated = stored.updated
            duplicates = stored.duplicates
        }
    }

    init(store: SMBStore, options: IngestOptions) throws {
        self.store = store
        rule = try BundledRule.active(in: store)
        ingestor = LogIngestor(options: options)
    }

    /// Reads one input, storing its SMB events stamped with `ingestedAt` while it is read.
    func ingest(_ input: InputFile, ingestedAt: Date) throws -> FileResult {
        let storing = try BatchInserter.storing(into: store, ingestedAt: ingestedAt) { inserter in
            try ingestor.ingest(input, deliver: inserter.add)
        }
        return FileResult(storing.value, storing.stored)
    }

    /// Reads the complete lines a growing file holds past `position` (see `LogIngestor`), storing
    /// them like `ingest`; returns where reading stopped.
    func ingest(_ input: InputFile, from position: ReadPosition,
                ingestedAt: Date) throws -> (result: FileResult, end: ReadPosition) {
        let storing = try BatchInserter.storing(into: store, ingestedAt: ingestedAt) { inserter in
            try ingestor.ingest(input, from: position, deliver: inserter.add)
        }
        return (FileResult(storing.value.summary, storing.stored), storing.value.end)
    }

    /// Runs executions at `time` until no match is left pending.
    func detect(at time: Date) throws -> [ExecutionRecord] {
        try store.detectUntilNothingPending(at: time, rule: rule)
    }
}

/// The lines `ingest` and `watch` print.
enum IngestReport {
    static func fileLine(_ result: IngestSession.FileResult) -> String {
        let summary = result.summary
        let format = summary.format?.rawValue ?? "unknown format"
        let unit = summary.capture == nil ? "line" : "packet"
        var line = "\(TerminalText.safe(summary.path)) [\(format)]: \(counted(summary.lines, unit)), "
            + "\(counted(summary.events, "network event")), \(counted(summary.smbEvents, "SMB record")) "
            + "(\(counted(result.inserted, "new flow")), \(counted(result.updated, "update")) of a stored flow, "
            + "\(result.duplicates) already stored), \(summary.skipped) skipped, \(summary.rejected) rejected"
        if let capture = summary.capture { line += captureClause(capture) }
        if let fatal = summary.fatalError { line += "; stopped: \(TerminalText.safe(fatal))" }
        return line
    }

    /// `"<path>": skipped: <reason>` for an entry below a directory that is not read.
    static func skippedLine(_ skipped: SkippedInput) -> String {
        TerminalText.safe(skipped.description)
    }

    /// A capture's link type and fragments, and the flows its bounded table ended early.
    static func captureClause(_ capture: CaptureSummary) -> String {
        var clause = "; link \(TerminalText.safe(capture.linkType)), \(counted(capture.fragments, "IP fragment"))"
        if capture.evictedFlows > 0 {
            clause += ", \(counted(capture.evictedFlows, "flow")) ended early (the flow table holds \(capture.flowTableCapacity))"
        }
        return clause
    }

    static func issueLines(_ summary: FileSummary) -> [String] {
        var lines = summary.warnings.map { TerminalText.safe("\($0.path):\($0.line): warning: \($0.reason)") }
        lines += summary.issues.map { TerminalText.safe($0.description) }
        let unprinted = summary.rejected - summary.issues.count
        if unprinted > 0 {
            lines.append("\(TerminalText.safe(summary.path)): … and \(counted(unprinted, "more rejected record"))")
        }
        return lines
    }

    static func executionLine(_ execution: ExecutionRecord) -> String {
        var line = "execution \(execution.id) at \(Formatting.time(execution.ranAt)): \(execution.matched) matched, "
            + "\(execution.alerted) alerted, \(execution.pending) pending"
        let suppressed = execution.suppressedBy.values.reduce(0, +)
        if suppressed > 0 {
            line += ", \(suppressed) suppressed by \(counted(execution.suppressedBy.count, "exception"))"
        }
        if execution.capReached { line += " — warning: hit the rule's cap of alerts per execution" }
        return line
    }
}

/// Writes a line to standard error, after what standard output holds so far (so a footer stays
/// below its table when both streams go to one place).
enum StandardError {
    static func print(_ line: String) {
        fflush(nil)
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Writes a line to standard output at once, unbuffered: for a long-running command (`watch`)
/// whose output goes to a file or pipe.
enum StandardOutput {
    static func print(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// The prebuilt rule versions this binary ships.
enum BundledRule {
    /// Bundled `version` (103 unless told), compiled.
    static func compiled(version: Int = DetectionRule.defaultBundledVersion) throws -> CompiledRule {
        do {
            return try CompiledRule(DetectionRule.bundled(version: version))
        } catch {
            throw CommandFailure("the bundled rule version \(version) does not load: \(error)")
        }
    }

    /// The version `store` runs (`smbtriage rule use`), compiled.
    static func active(in store: SMBStore) throws -> CompiledRule {
        try compiled(version: store.activeRuleVersion())
    }

    /// Every bundled version by its number.
    static func all() throws -> [Int: DetectionRule] {
        var rules: [Int: DetectionRule] = [:]
        for version in DetectionRule.bundledVersions { rules[version] = try compiled(version: version).rule }
        return rules
    }
}
