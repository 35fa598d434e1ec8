import ArgumentParser
import Foundation
import Ingest
import SmbtriageKit

/// `smbtriage ingest FILE|DIR|- …`: store every SMB event, then run the detector until nothing is pending.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read logs into the store, then run the rule until no match is pending.",
        discussion: """
        Formats: Elastic ECS NDJSON, Zeek TSV and JSON, Suricata eve.json, PAN-OS TRAFFIC CSV, and \
        Sysmon event 3 (Winlogbeat or NXLog JSON; Sysmon is an extension beyond the rule's indices), and \
        packet captures (pcap, pcapng), whose packets become Packetbeat-style flows. The format is sniffed \
        per file; .gz is read transparently; a directory is read recursively; - reads \
        standard input. Below a directory, symbolic links are followed (a linked directory once); what \
        is passed over is reported with the reason. Re-ingesting a record is a no-op. Rejected records are reported as \
        file:line: reason, the rest still goes in, and the exit status is 1 when any was rejected.
        """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var reading: ReadingOptions
    @Flag(help: "Store only; do not run the rule.") var noDetect = false
    @Argument(help: "Files, directories, or - for standard input.") var inputs: [String]

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("name at least one file, directory or -.") }
    }

    func run() throws {
        let listing: InputListing
        do {
            listing = try InputFiles.expand(inputs)
        } catch {
            throw CommandFailure("\(error)")
        }
        listing.skipped.map(IngestReport.skippedLine).forEach(StandardError.print)
        let session = try IngestSession(store: store.open(), options: reading.ingestOptions)
        let now = Date()
        var rejected = 0
        var failedFiles = 0
        for file in listing.files {
            let result = try session.ingest(file, ingestedAt: now)
            if file.isFromDirectory, result.summary.format == nil, let reason = result.summary.fatalError {
                print("\(TerminalText.safe(file.path)): passed over: \(TerminalText.safe(reason))")
                continue
            }
            IngestReport.issueLines(result.summary).forEach(StandardError.print)
            print(IngestReport.fileLine(result))
            rejected += result.summary.rejected
            if result.summary.fatalError != nil { failedFiles += 1 }
        }
        if !noDetect {
            for execution in try session.detect(at: now) { print(IngestReport.executionLine(execution)) }
        }
        if rejected > 0 || failedFiles > 0 {
            StandardError.print("ingest finished with \(counted(rejected, "rejected record")) and "
                + "\(counted(failedFiles, "unreadable input"))")
            throw ExitCode.failure
        }
    }
}
