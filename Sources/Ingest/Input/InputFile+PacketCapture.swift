import Foundation

extension InputFile {
    /// True when the file holds a packet capture (pcap or pcapng by its magic bytes, gzip or not),
    /// which is read whole (`LogIngestor.ingest`) rather than followed line by line; false when it
    /// holds something else or cannot be read.
    public var isPacketCapture: Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard let head = try? FileDescriptorSource.readHead(descriptor: descriptor, count: LogIngestor.headSize) else {
            return false
        }
        return CaptureMagic.isCapture(head: head, isGzip: GzipSource.isGzip(head))
    }
}
