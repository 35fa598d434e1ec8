/// What the sensors count on the wire: IP-layer bytes (Zeek `*_ip_bytes`, Packetbeat, PAN-OS) and
/// frame bytes (Suricata, which adds the Ethernet header).
extension Connection {
    /// Bytes of IP and transport headers per packet.
    private var headerBytes: Int64 {
        switch (transport, isIPv6) {
        case (.tcp, false): 40
        case (.tcp, true): 60
        case (.udp, false): 28
        case (.udp, true): 48
        }
    }

    /// A SYN carries 12 bytes of TCP options more than a data segment's headers.
    private var synBytes: Int64 { headerBytes + 12 }

    var clientIPBytes: Int64 {
        if case .unanswered = outcome { return clientPackets * synBytes }
        return clientBytes + clientPackets * headerBytes
    }

    var serverIPBytes: Int64 { serverBytes + serverPackets * headerBytes }

    var clientFrameBytes: Int64 { clientIPBytes + clientPackets * 14 }
    var serverFrameBytes: Int64 { serverIPBytes + serverPackets * 14 }

    var isAnswered: Bool {
        if case .completed = outcome { return true }
        return false
    }

    /// The ECS view every sensor's flow record shares; writers adjust the dataset and protocol.
    func ecsView(dataset: String, applicationProtocol: String?) -> ECSView {
        ECSView(
            categories: ["network"], dataset: dataset, transport: transport.rawValue,
            sourceIPs: [client.address], sourcePort: client.port,
            destinationIPs: [server.address], destinationPort: server.port,
            applicationProtocol: applicationProtocol
        )
    }
}
