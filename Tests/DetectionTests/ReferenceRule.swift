@testable import Detection

/// The bundled rule's query written out as plain Swift conditionals, independent of the KQL
/// parser and compiler: the oracle for the truth-table and differential tests.
enum ReferenceRule {
    static let privateSourceBlocks = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map(EventFixtures.prefix)

    /// The destination blocks of the published query, as written there.
    static let excludedBlocks: [IPPrefix] = [
        "10.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.0.0/29",
        "192.0.0.8/32", "192.0.0.9/32", "192.0.0.10/32", "192.0.0.170/32", "192.0.0.171/32", "192.0.2.0/24",
        "192.31.196.0/24", "192.52.193.0/24", "192.168.0.0/16", "192.88.99.0/24", "224.0.0.0/4",
        "100.64.0.0/10", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
        "240.0.0.0/4", "::1", "FE80::/10", "FF00::/8",
    ].map(EventFixtures.prefix)

    static func isExcludedDestination(_ address: IPAddress) -> Bool {
        excludedBlocks.contains { $0.contains(address) }
    }

    static func matches(_ event: NetworkEvent) -> Bool {
        let flowOrNetwork = event.dataset == "network_traffic.flow"
            || event.categories.contains("network") || event.categories.contains("network_traffic")
        let tcp = event.transport == "tcp"
        let smb = event.destinationPort == 139 || event.destinationPort == 445 || event.dataset == "zeek.smb"
        let privateSource = event.sourceIPs.contains { source in privateSourceBlocks.contains { $0.contains(source) } }
        let excludedDestination = event.destinationIPs.contains(where: isExcludedDestination)
        return flowOrNetwork && tcp && smb && privateSource && !excludedDestination
    }
}
