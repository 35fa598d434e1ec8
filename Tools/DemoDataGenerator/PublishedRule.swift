/// A plain re-statement of the query of Elastic's rule "SMB (Windows File Sharing) Activity to the
/// Internet" (version 103, `shared/rule/RULE.md`), used only to compute the counts the README
/// promises. It reads the ECS view each writer gives its records, with KQL's semantics: a missing
/// field never matches a positive clause and always passes `not destination.ip: (…)`.
enum PublishedRule {
    /// `source.ip: (10.0.0.0/8 or 172.16.0.0/12 or 192.168.0.0/16)`.
    static let internalSources = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map(AddressBlock.init)

    /// The query's `not destination.ip: (…)` list, verbatim.
    static let excludedDestinations = [
        "10.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.0.0/29",
        "192.0.0.8/32", "192.0.0.9/32", "192.0.0.10/32", "192.0.0.170/32", "192.0.0.171/32",
        "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.168.0.0/16", "192.88.99.0/24",
        "224.0.0.0/4", "100.64.0.0/10", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24",
        "203.0.113.0/24", "240.0.0.0/4", "::1", "FE80::/10", "FF00::/8",
    ].map(AddressBlock.init)

    /// True when the event would raise an alert.
    static func matches(_ event: ECSView) -> Bool {
        let isNetwork = event.dataset == "network_traffic.flow"
            || event.categories.contains("network") || event.categories.contains("network_traffic")
        let isSMBPort = event.destinationPort == 139 || event.destinationPort == 445
        let fromInternal = event.sourceIPs.contains { address in internalSources.contains { $0.contains(address) } }
        return isNetwork
            && event.transport == "tcp"
            && (isSMBPort || event.dataset == "zeek.smb")
            && fromInternal
            && !isExcludedDestination(event)
    }

    /// True when any destination address lies in the exclusion list.
    static func isExcludedDestination(_ event: ECSView) -> Bool {
        event.destinationIPs.contains { address in excludedDestinations.contains { $0.contains(address) } }
    }
}
