import Foundation
import Ingest

/// The packet captures `watch` follows: the files a ring buffer (`tcpdump -G`/`-W`, `dumpcap -b`)
/// writes one after the other into a directory. libpcap reads only whole files, so a capture is
/// read once it is complete: when a newer capture exists in its directory (the writer moved on to
/// it), or when it has not changed for `idleInterval` (the writer closed it, or stopped).
struct CaptureRing {
    /// How long the newest capture of a directory must stay unchanged to count as closed.
    static let defaultIdleInterval: TimeInterval = 120

    var idleInterval = Self.defaultIdleInterval

    /// The complete captures among `captures`, oldest first (by modification time, then name);
    /// a file that is gone (a ring buffer removed it) is left out.
    func completed(_ captures: [InputFile], at now: Date) -> [InputFile] {
        let stamped = captures.compactMap { file in FileIdentity(path: file.path).map { Stamped(file: file, modified: $0.modified) } }
        var complete: [Stamped] = []
        for directory in Dictionary(grouping: stamped, by: \.directory).values {
            let ordered = directory.sorted()
            complete += ordered.dropLast()
            if let newest = ordered.last, now.timeIntervalSince(newest.modified) >= idleInterval { complete.append(newest) }
        }
        return complete.sorted().map(\.file)
    }

    /// A capture and when it was last written.
    private struct Stamped: Comparable {
        var file: InputFile
        var modified: Date
        var directory: String { (file.path as NSString).deletingLastPathComponent }

        static func < (lhs: Stamped, rhs: Stamped) -> Bool {
            (lhs.modified, lhs.file.path) < (rhs.modified, rhs.file.path)
        }

        static func == (lhs: Stamped, rhs: Stamped) -> Bool {
            lhs.modified == rhs.modified && lhs.file.path == rhs.file.path
        }
    }
}
