import CPcap
import Foundation

/// One capture opened with libpcap (`pcap_fopen_offline`: classic pcap in either byte order with
/// micro- or nanosecond times, and pcapng), read through `pcap_dispatch`. Times come in
/// nanoseconds whatever the file's precision. The only code that calls libpcap to read, and the
/// capture path's one unsafe kernel: libpcap's packet pointer becomes a `Span` here, and nothing
/// else in `Capture/` touches a raw pointer.
final class CaptureReader {
    /// Why `read` returned.
    enum End: Equatable {
        /// The capture's last packet was read.
        case end
        /// `body` asked to stop.
        case stopped
        /// libpcap stopped: a truncated or damaged file. The message is libpcap's.
        case failure(String)
    }

    /// What `read` hands each packet to: its time (nanoseconds since 1970) and its captured bytes.
    /// Returns false to stop reading.
    typealias PacketHandler = (_ time: Int64, _ bytes: Span<UInt8>) throws -> Bool

    private var handle: OpaquePointer?
    /// The stream's stdio buffer, freed once libpcap closed the stream.
    private let streamBuffer: UnsafeMutablePointer<CChar>
    /// The link type as `pcap_datalink` gives it (a DLT number).
    let dataLink: Int32

    /// libpcap reads through stdio, two `fread`s a packet: a buffer of this size means few `read`
    /// calls and stays in the CPU's cache while its packets are read out of it.
    static let streamBufferSize = 256 * 1024

    /// Opens the capture in `file`, which nothing has read from yet; libpcap owns the stream from
    /// then on (and closes it even when it refuses the file). The stream gets a buffer of
    /// `streamBufferSize` (glibc ignores a size given without a buffer and reads 4 KiB at a time),
    /// and is read on one thread only, so stdio takes no lock per read.
    init(file: UnsafeMutablePointer<FILE>) throws(SourceError) {
        streamBuffer = .allocate(capacity: Self.streamBufferSize)
        setvbuf(file, streamBuffer, _IOFBF, Self.streamBufferSize)
        __fsetlocking(file, Int32(FSETLOCKING_BYCALLER))
        var message = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE))
        guard let handle = pcap_fopen_offline_with_tstamp_precision(file, UInt32(PCAP_TSTAMP_PRECISION_NANO), &message) else {
            fclose(file)
            streamBuffer.deallocate()
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw SourceError(message: "not a capture libpcap reads: \(text)")
        }
        self.handle = handle
        dataLink = pcap_datalink(handle)
    }

    deinit { close() }

    /// The link type's name as libpcap knows it (`EN10MB`, `LINUX_SLL2`), or its number.
    var dataLinkName: String {
        pcap_datalink_val_to_name(dataLink).map { String(cString: $0) } ?? String(dataLink)
    }

    /// The size of the stdio buffer libpcap reads the capture through; 0 once closed.
    var streamBufferBytes: Int {
        handle.map { __fbufsize(pcap_file($0)) } ?? 0
    }

    /// Hands every packet to `body`, in capture order, until the end of the capture, a damaged
    /// part, or `body` returning false; rethrows what `body` throws (reading stops there).
    func read(_ body: PacketHandler) throws -> End {
        guard let handle else { return .end }
        return try withoutActuallyEscaping(body) { body in
            var dispatch = Dispatch(handle: handle, body: body)
            let result = withUnsafeMutablePointer(to: &dispatch) { context in
                pcap_dispatch(handle, -1, { context, header, data in
                    guard let context, let header, let data else { return }
                    context.withMemoryRebound(to: Dispatch.self, capacity: 1) { $0.pointee.deliver(header.pointee, data) }
                }, UnsafeMutableRawPointer(context).assumingMemoryBound(to: UInt8.self))
            }
            if let error = dispatch.error { throw error }
            if dispatch.stopped { return .stopped }
            return result == PCAP_ERROR ? .failure(String(cString: pcap_geterr(handle))) : .end
        }
    }

    /// Closes the capture and its stream.
    func close() {
        guard let handle else { return }
        pcap_close(handle)
        streamBuffer.deallocate()
        self.handle = nil
    }

    /// What `pcap_dispatch`'s callback reaches through its user pointer.
    /// `pcap_breakloop` ends `pcap_dispatch` after the packet that asked to stop.
    private struct Dispatch {
        let handle: OpaquePointer
        let body: PacketHandler
        var stopped = false
        var error: (any Error)?

        mutating func deliver(_ header: pcap_pkthdr, _ data: UnsafePointer<UInt8>) {
            let time = Int64(header.ts.tv_sec) &* 1_000_000_000 &+ Int64(header.ts.tv_usec)
            do {
                stopped = try !body(time, Span(_unsafeStart: data, count: Int(header.caplen)))
            } catch {
                self.error = error
                stopped = true
            }
            if stopped { pcap_breakloop(handle) }
        }
    }
}
