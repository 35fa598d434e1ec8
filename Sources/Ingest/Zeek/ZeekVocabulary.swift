/// The few values Zeek writes over and over in the string columns mapped (`proto`, `conn_state`,
/// common `service`s), kept as shared strings: a row that uses one builds no `String`.
struct ZeekVocabulary {
    private let words: [String]
    private let spellings: [[UInt8]]

    init(_ words: [String]) {
        self.words = words
        spellings = words.map { Array($0.utf8) }
    }

    /// The shared string spelled by `bytes`, or nil when the value is not in the vocabulary.
    @inline(__always)
    func word(_ bytes: Span<UInt8>) -> String? {
        for (index, spelling) in spellings.enumerated() where spelling.span.equals(bytes) {
            return words[index]
        }
        return nil
    }

    /// The shared string spelled by `bytes`, else the one `text` builds.
    @inline(__always)
    func string(_ bytes: Span<UInt8>, text: () -> String) -> String {
        word(bytes) ?? text()
    }

    /// `proto`.
    static let transports = ZeekVocabulary(["tcp", "udp", "icmp", "unknown_transport"])
    /// `conn_state`, every value Zeek defines.
    static let connectionStates = ZeekVocabulary(
        ["SF", "S0", "S1", "REJ", "S2", "S3", "RSTO", "RSTR", "RSTOS0", "RSTRH", "SH", "SHR", "OTH"]
    )
    /// `service`: the analyzers that name most connections.
    static let services = ZeekVocabulary(["dns", "ssl", "http", "smb", "krb", "dce_rpc", "ntp", "dhcp", "ssh", "ntlm", "gssapi"])
}
