/// What smbtriage should make of one generated file: the counts the README promises.
struct FileCounts {
    var file: DemoFile
    /// Record lines (Zeek header and trailer lines not counted).
    var records: Int
    /// Records the readers turn into network events (the rest are counted and skipped).
    var events: Int
    /// Network events that are SMB (`NetworkEvent.isSMB`): what the store keeps.
    var smbEvents: Int
    /// SMB events once Packetbeat's reports of one flow collapse into one stored event.
    var keptEvents: [ECSView]
    /// Kept events the rule alerts on.
    var alerts: Int
    /// SMB events the rule matches when every report counts, as in Elastic itself.
    var matchingDocuments: Int

    init(_ file: DemoFile) {
        self.file = file
        records = file.records.count
        let events = file.records.compactMap(\.event)
        self.events = events.count
        let smb = events.filter(\.isSMB)
        smbEvents = smb.count
        var latestReport: [String: Int] = [:]
        for (index, event) in smb.enumerated() {
            if let flowID = event.packetbeatFlowID { latestReport[flowID] = index }
        }
        keptEvents = smb.enumerated().filter { index, event in
            event.packetbeatFlowID.map { latestReport[$0] == index } ?? true
        }.map(\.element)
        alerts = keptEvents.filter(PublishedRule.matches).count
        matchingDocuments = smb.filter(PublishedRule.matches).count
    }
}

/// What one internal host adds up to across every file.
struct HostCounts {
    var keptEvents = 0
    var alerts = 0
    var alertedDestinations: Set<String> = []

    /// Every kept event's host (its first source address), in all files.
    static func byHost(_ files: [FileCounts]) -> [String: HostCounts] {
        var hosts: [String: HostCounts] = [:]
        for event in files.flatMap(\.keptEvents) {
            guard let address = event.sourceIPs.first else { continue }
            let host = canonical(address)
            hosts[host, default: HostCounts()].keptEvents += 1
            if PublishedRule.matches(event) {
                hosts[host, default: HostCounts()].alerts += 1
                hosts[host, default: HostCounts()].alertedDestinations.formUnion(event.destinationIPs)
            }
        }
        return hosts
    }

    /// One spelling per address (Suricata writes IPv6 uncompressed).
    static func canonical(_ address: String) -> String {
        guard let bytes = AddressBlock.bytes(of: address), bytes.count == 16 else { return address }
        return stride(from: 0, to: 16, by: 2).map { String(Int(bytes[$0]) << 8 | Int(bytes[$0 + 1]), radix: 16) }
            .joined(separator: ":")
    }
}
