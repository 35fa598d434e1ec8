import Foundation

/// A C stream (`FILE *`) libpcap reads a capture from. A plain file that can seek is read
/// directly; anything else (gzip, a pipe, standard input) is fed through a socket pair by a
/// `StreamFeeder` thread, which decompresses as libpcap reads.
final class CaptureStream {
    /// The stream; libpcap owns it once `pcap_fopen_offline` accepted it.
    let file: UnsafeMutablePointer<FILE>
    private let feeder: StreamFeeder?

    /// A stream of `descriptor`'s content from its start; `raw` hands out the head already read.
    init(descriptor: Int32, raw: FileDescriptorSource, isGzip: Bool) throws(SourceError) {
        if !isGzip, lseek(descriptor, 0, SEEK_SET) == 0 {
            file = try Self.stream(duplicating: descriptor)
            feeder = nil
        } else {
            let source: any ByteSource = isGzip ? try GzipSource(compressed: raw) : raw
            let feeder = try StreamFeeder(source: source)
            guard let stream = fdopen(feeder.readEnd, "rb") else {
                close(feeder.readEnd)
                _ = feeder.waitUntilDone()
                throw SourceError(message: "cannot open the capture: \(String(cString: strerror(errno)))")
            }
            file = stream
            self.feeder = feeder
        }
    }

    /// Waits for the feeder (call after libpcap closed the stream): why the input ended early
    /// (a truncated gzip stream, a read error), or nil.
    func finish() -> SourceError? {
        feeder?.waitUntilDone()
    }

    private static func stream(duplicating descriptor: Int32) throws(SourceError) -> UnsafeMutablePointer<FILE> {
        let copy = dup(descriptor)
        guard copy >= 0, let file = fdopen(copy, "rb") else {
            if copy >= 0 { close(copy) }
            throw SourceError(message: "cannot open the capture: \(String(cString: strerror(errno)))")
        }
        return file
    }
}
