import Foundation
import FuzzSupport
import Ingest

// Every input as a file given to `smbtriage ingest` (gzip, sniffing, line cutting, every
// reader): written to a temporary file and read by LogIngestor.
let path = NSTemporaryDirectory() + "smbtriage-fuzz-ingest-\(getpid())"
FuzzDriver.run { bytes in
    guard FileManager.default.createFile(atPath: path, contents: Data(buffer: bytes)) else {
        fatalError("cannot write \(path)")
    }
    defer { unlink(path) }
    let summary = try? LogIngestor(options: IngestOptions(workers: 1)).ingest(InputFile(path: path)) { _ in }
    if let summary, summary.events + summary.skipped + summary.rejected > summary.lines {
        fatalError("more outcomes than lines: \(summary)")
    }
}
