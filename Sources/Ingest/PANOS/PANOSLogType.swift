/// The PAN-OS log types (field 4). TRAFFIC and THREAT are read; the others are skipped by name.
enum PANOSLogType: String, CaseIterable {
    case traffic = "TRAFFIC"
    case threat = "THREAT"
    case system = "SYSTEM"
    case config = "CONFIG"
    case hipMatch = "HIP-MATCH"
    case hipMatchLegacy = "HIPMATCH"
    case correlation = "CORRELATION"
    case userID = "USERID"
    case globalProtect = "GLOBALPROTECT"
    case decryption = "DECRYPTION"
    case authentication = "AUTHENTICATION"
    case gtp = "GTP"
    case sctp = "SCTP"
    case ipTag = "IPTAG"
    case tunnelStart = "START"
    case tunnelEnd = "END"
    case audit = "AUDIT"

    /// The type a field 4 value names; nil for an unknown one.
    init?(_ text: String) {
        self.init(rawValue: text)
    }
}
