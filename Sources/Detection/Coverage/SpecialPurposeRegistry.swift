/// IANA's IPv4 Special-Purpose Address Registry
/// (https://www.iana.org/assignments/iana-ipv4-special-registry/), as data. Coverage notes compare
/// the rule's address clauses against it.
enum SpecialPurposeRegistry {
    static let blocks: [SpecialPurposeBlock] = [
        block("0.0.0.0/8", "\"This network\"", "RFC 791", .notGloballyReachable),
        block("0.0.0.0/32", "\"This host on this network\"", "RFC 1122", .notGloballyReachable),
        block("10.0.0.0/8", "Private-Use", "RFC 1918", .notGloballyReachable, internalUse: true),
        block("100.64.0.0/10", "Shared Address Space", "RFC 6598", .notGloballyReachable, internalUse: true),
        block("127.0.0.0/8", "Loopback", "RFC 1122", .notGloballyReachable),
        block("169.254.0.0/16", "Link Local", "RFC 3927", .notGloballyReachable),
        block("172.16.0.0/12", "Private-Use", "RFC 1918", .notGloballyReachable, internalUse: true),
        block("192.0.0.0/24", "IETF Protocol Assignments", "RFC 6890", .notGloballyReachable),
        block("192.0.0.0/29", "IPv4 Service Continuity Prefix", "RFC 7335", .notGloballyReachable),
        block("192.0.0.8/32", "IPv4 dummy address", "RFC 7600", .notGloballyReachable),
        block("192.0.0.9/32", "Port Control Protocol Anycast", "RFC 7723", .globallyReachable),
        block("192.0.0.10/32", "Traversal Using Relays around NAT Anycast", "RFC 8155", .globallyReachable),
        block("192.0.0.170/32", "NAT64/DNS64 Discovery", "RFC 8880", .notGloballyReachable),
        block("192.0.0.171/32", "NAT64/DNS64 Discovery", "RFC 8880", .notGloballyReachable),
        block("192.0.2.0/24", "Documentation (TEST-NET-1)", "RFC 5737", .notGloballyReachable),
        block("192.31.196.0/24", "AS112-v4", "RFC 7535", .globallyReachable),
        block("192.52.193.0/24", "AMT", "RFC 7450", .globallyReachable),
        block("192.88.99.0/24", "Deprecated (6to4 Relay Anycast)", "RFC 7526", .notApplicable),
        block("192.168.0.0/16", "Private-Use", "RFC 1918", .notGloballyReachable, internalUse: true),
        block("192.175.48.0/24", "Direct Delegation AS112 Service", "RFC 7534", .globallyReachable),
        block("198.18.0.0/15", "Benchmarking", "RFC 2544", .notGloballyReachable),
        block("198.51.100.0/24", "Documentation (TEST-NET-2)", "RFC 5737", .notGloballyReachable),
        block("203.0.113.0/24", "Documentation (TEST-NET-3)", "RFC 5737", .notGloballyReachable),
        block("240.0.0.0/4", "Reserved", "RFC 1112", .notGloballyReachable),
        block("255.255.255.255/32", "Limited Broadcast", "RFC 8190", .notGloballyReachable),
    ]

    private static func block(_ prefix: String, _ name: String, _ reference: String,
                              _ reachability: SpecialPurposeBlock.Reachability,
                              internalUse: Bool = false) -> SpecialPurposeBlock {
        guard let parsed = try? IPPrefix(parsing: prefix) else { preconditionFailure("bad registry prefix \(prefix)") }
        return SpecialPurposeBlock(prefix: parsed, name: name, reference: reference, reachability: reachability,
                                   isInternalAddressSpace: internalUse)
    }
}
