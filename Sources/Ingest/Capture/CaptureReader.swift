import CPcap
import Foundation

/// One capture opened with libpcap (`pcap_fopen_offline`: classic pcap in either byte order with
/// micro- or nanosecond times, and pcapng), read one packet at a time. Times come in nanoseconds
/// whatever the file's precision. The only code that calls libpcap to read.
final class CaptureReader {
    /// What `next` found.
    enum Next {
        /// A packet: its time (nanoseconds since 1970) and its captured bytes, valid until the next call.
        case packet(time: Int64, bytes: UnsafeRawBufferPointer)
        case end
        /// libpcap stopped: a truncated or damaged file. The message is libpcap's.
        case failure(String)
    }

    private var handle: OpaquePointer?
    /// The link type as `pcap_datalink` gives it (a DLT number).
    let dataLink: Int32

    /// Opens the capture in `file`; libpcap owns the stream from then on (and closes it even when
    /// it refuses the file).
    init(file: UnsafeMutablePointer<FILE>) throws(SourceError) {
        var message = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE))
        guard let handle = pcap_fopen_offline_with_tstamp_precision(file, UInt32(PCAP_TSTAMP_PRECISION_NANO), &message) else {
            fclose(file)
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

    func next() -> Next {
        guard let handle else { return .end }
        var header: UnsafeMutablePointer<pcap_pkthdr>?
        var data: UnsafePointer<UInt8>?
        switch pcap_next_ex(handle, &header, &data) {
        case 1:
            guard let header, let data else { return .failure("libpcap returned no packet") }
            let stamp = header.pointee.ts
            let time = Int64(stamp.tv_sec) &* 1_000_000_000 &+ Int64(stamp.tv_usec)
            return .packet(time: time, bytes: UnsafeRawBufferPointer(start: data, count: Int(header.pointee.caplen)))
        case PCAP_ERROR_BREAK:
            return .end
        default:
            return .failure(String(cString: pcap_geterr(handle)))
        }
    }

    /// Closes the capture and its stream.
    func close() {
        if let handle { pcap_close(handle) }
        handle = nil
    }
}
