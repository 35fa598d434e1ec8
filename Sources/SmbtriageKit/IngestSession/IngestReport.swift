import Detection
import Foundation
import Ingest
import Store
import TriageModel

/// The lines `ingest` and `watch` print.
public enum IngestReport {
    public static func fileLine(_ result: IngestSession.FileResult) -> String {
        let summary = result.summary
        let format = summary.format?.rawValue ?? "unknown format"
        let unit = summary.capture == nil ? "line" : "packet"
        var line = "\(TerminalText.safe(summary.path)) [\(format)]: \(counted(summary.lines, unit)), "
            + "\(counted(summary.events, "network event")), \(counted(summary.smbEvents, "SMB record")) "
            + "(\(counted(result.inserted, "new record")), \(counted(result.newConnections, "new connection")), "
            + "\(counted(result.updated, "update")) of a stored flow, "
            + "\(result.duplicates) already stored), \(summary.skipped) skipped, \(summary.rejected) rejected"
        if let capture = summary.capture { line += captureClause(capture) }
        if let fatal = summary.fatalError { line += "; stopped: \(TerminalText.safe(fatal))" }
        return line
    }

    /// `"<path>": skipped: <reason>` for an entry below a directory that is not read.
    public static func skippedLine(_ skipped: SkippedInput) -> String {
        TerminalText.safe(skipped.description)
    }

    /// A capture's link type and fragments, and the flows its bounded table ended early.
    public static func captureClause(_ capture: CaptureSummary) -> String {
        var clause = "; link \(TerminalText.safe(capture.linkType)), \(counted(capture.fragments, "IP fragment"))"
        if capture.evictedFlows > 0 {
            clause += ", \(counted(capture.evictedFlows, "flow")) ended early (the flow table holds \(capture.flowTableCapacity))"
        }
        return clause
    }

    public static func issueLines(_ summary: FileSummary) -> [String] {
        var lines = summary.warnings.map { TerminalText.safe("\($0.path):\($0.line): warning: \($0.reason)") }
        lines += summary.issues.map { TerminalText.safe($0.description) }
        let unprinted = summary.rejected - summary.issues.count
        if unprinted > 0 {
            lines.append("\(TerminalText.safe(summary.path)): … and \(counted(unprinted, "more rejected record"))")
        }
        return lines
    }

    public static func executionLine(_ execution: ExecutionRecord) -> String {
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
