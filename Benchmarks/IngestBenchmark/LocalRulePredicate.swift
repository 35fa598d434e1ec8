import Detection

/// STAND-IN for the Detection helper's `CompiledRule(DetectionRule.bundled()).matches`, which this
/// branch does not have yet: the published query hand-written as Swift. Figures printed with it are
/// marked "local predicate"; the integrator switches the benchmark to the compiled rule.
struct LocalRulePredicate {
    private let sources = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map(Self.prefix)
    private let excludedDestinations = [
        "10.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.0.0/29",
        "192.0.0.8/32", "192.0.0.9/32", "192.0.0.10/32", "192.0.0.170/32", "192.0.0.171/32",
        "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.168.0.0/16", "192.88.99.0/24",
        "224.0.0.0/4", "100.64.0.0/10", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24",
        "203.0.113.0/24", "240.0.0.0/4", "::1/128", "FE80::/10", "FF00::/8",
    ].map(Self.prefix)

    private static func prefix(_ text: String) -> IPPrefix {
        guard let prefix = try? IPPrefix(parsing: text) else { preconditionFailure("bad prefix \(text)") }
        return prefix
    }

    func matches(_ event: NetworkEvent) -> Bool {
        guard event.dataset == "network_traffic.flow"
                || event.categories.contains(where: { $0 == "network" || $0 == "network_traffic" }),
              event.transport == "tcp",
              event.destinationPort == 139 || event.destinationPort == 445 || event.dataset == "zeek.smb",
              event.sourceIPs.contains(where: { ip in sources.contains { $0.contains(ip) } })
        else { return false }
        return !event.destinationIPs.contains { ip in excludedDestinations.contains { $0.contains(ip) } }
    }
}
