import Foundation
import TestSupport

/// Writes a deterministic Zeek TSV conn.log: the same seed gives the same bytes. 3,000 internal
/// clients; about 2% of the rows are SMB (445/139) and a quarter of those leave the internal
/// network; the rest is DNS to four resolvers and HTTPS to random Internet hosts, with the unset
/// and empty markers where Zeek writes them.
struct ConnLogGenerator {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private mutating func below(_ bound: UInt64) -> UInt64 { random.next() % bound }

    static let header = """
        #separator \\x09
        #set_separator\t,
        #empty_field\t(empty)
        #unset_field\t-
        #path\tconn
        #open\t2026-01-05-12-00-00
        #fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state\tlocal_orig\tlocal_resp\tmissed_bytes\thistory\torig_pkts\torig_ip_bytes\tresp_pkts\tresp_ip_bytes\ttunnel_parents
        #types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\tbool\tbool\tcount\tstring\tcount\tcount\tcount\tcount\tset[string]

        """

    /// The internal clients: a site of a few thousand machines.
    private static let internalHosts: UInt64 = 3_000

    private static let uidAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// Writes `rows` rows after the header to `url`, returning the file size in bytes.
    mutating func write(rows: Int, to url: URL) throws -> Int {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = Array(Self.header.utf8)
        var size = 0
        var time: UInt64 = 1_767_614_400_000_000
        for _ in 0..<rows {
            time += below(20_000)
            appendRow(time: time, to: &buffer)
            if buffer.count > 1 << 20 {
                size += buffer.count
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        buffer.append(contentsOf: "#close\t2026-01-05-13-00-00\n".utf8)
        size += buffer.count
        try handle.write(contentsOf: buffer)
        return size
    }

    private mutating func appendRow(time: UInt64, to buffer: inout [UInt8]) {
        let kind = below(100)
        let host = below(Self.internalHosts)
        let source = "10.\(host % 4).\(host / 4 % 256).\(1 + host % 254)"
        let destination: String
        let port: Int
        let service: String
        switch kind {
        case 0..<2:
            destination = below(4) == 0 ? "203.0.\(below(256)).\(1 + below(254))" : "10.0.\(below(16)).\(1 + below(254))"
            port = below(5) == 0 ? 139 : 445
            service = "smb"
        case 2..<45:
            destination = "10.0.0.\(1 + below(4))"
            port = 53
            service = "dns"
        default:
            destination = "\(1 + below(223)).\(below(256)).\(below(256)).\(1 + below(254))"
            port = 443
            service = below(3) == 0 ? "-" : "ssl"
        }
        let isUDP = port == 53
        let states = ["SF", "S0", "REJ", "RSTO", "SH", "OTH"]
        let state = isUDP ? "SF" : states[Int(below(UInt64(states.count)))]
        let originPackets = 1 + below(40)
        let responderPackets = state == "S0" ? 0 : below(40)
        let uid = "C" + String(decoding: (0..<17).map { _ in Self.uidAlphabet[Int(below(62))] }, as: UTF8.self)
        let duration = state == "S0" ? "-" : "\(below(30)).\(String(100_000 + below(900_000)))"
        let columns: [String] = [
            "\(time / 1_000_000).\(String(time % 1_000_000 + 1_000_000).dropFirst())", uid,
            source, "\(1024 + below(64_000))", destination, "\(port)", isUDP ? "udp" : "tcp", service,
            duration, "\(originPackets * 60)", "\(responderPackets * 90)", state,
            "T", destination.hasPrefix("10.") ? "T" : "F", "0", isUDP ? "Dd" : "ShADadFf",
            "\(originPackets)", "\(originPackets * 100)", "\(responderPackets)", "\(responderPackets * 130)",
            "(empty)",
        ]
        buffer.append(contentsOf: columns.joined(separator: "\t").utf8)
        buffer.append(UInt8(ascii: "\n"))
    }
}
