import ArgumentParser
import Foundation
import Ingest

/// How inputs are read: `--format`, `--timezone`, `--strict`, `--max-errors`.
struct ReadingOptions: ParsableArguments {
    @Option(help: "Read every input as this format instead of sniffing it: \(LogFormat.helpList).")
    var format: LogFormat?
    @Option(help: "The time zone of timestamps that carry none (PAN-OS firewall local time), e.g. Europe/Berlin.")
    var timezone: String = "UTC"
    @Flag(help: "Stop a file at its first rejected record.")
    var strict = false
    @Option(help: "Print at most this many rejected records per file (all are counted).")
    var maxErrors: Int = 20

    func validate() throws {
        guard TimeZone(identifier: timezone) != nil else {
            throw ValidationError("unknown time zone \"\(timezone)\" (use an IANA name such as UTC or America/New_York).")
        }
    }

    var ingestOptions: IngestOptions {
        IngestOptions(format: format, reader: ReaderOptions(timeZone: TimeZone(identifier: timezone)!),
                      strict: strict, maxIssues: maxErrors)
    }
}
