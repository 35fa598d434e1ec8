/// The link layers a capture's packets may start with: what `PacketDecoder` strips before the IP
/// header. The raw values are libpcap's DLT numbers as `pcap_datalink` reports them on Linux.
enum LinkType: Sendable, Equatable {
    /// Ethernet II, with any number of 802.1Q / 802.1ad (QinQ) VLAN tags.
    case ethernet
    /// Linux cooked capture v1 (`tcpdump -i any`): a 16-byte header, the protocol at offset 14.
    case linuxCooked
    /// Linux cooked capture v2: a 20-byte header, the protocol at offset 0.
    case linuxCookedV2
    /// IPv4 or IPv6 with no link header (DLT_RAW, LINKTYPE_IPV4, LINKTYPE_IPV6).
    case rawIP
    /// BSD loopback: a 4-byte address family, in the capturing host's byte order (DLT_NULL) or in
    /// network byte order (DLT_LOOP).
    case loopback

    /// The link type of a `pcap_datalink` value, nil for one this tool does not decode.
    init?(dataLink: Int32) {
        switch dataLink {
        case 1: self = .ethernet
        case 113: self = .linuxCooked
        case 276: self = .linuxCookedV2
        case 12, 14, 101, 228, 229: self = .rawIP
        case 0, 108: self = .loopback
        default: return nil
        }
    }
}
