/// One entry of IANA's IPv4 Special-Purpose Address Registry.
struct SpecialPurposeBlock: Hashable, Sendable {
    /// What IANA's "Globally Reachable" column says.
    enum Reachability: Hashable, Sendable {
        case globallyReachable, notGloballyReachable, notApplicable
    }

    let prefix: IPPrefix
    let name: String
    let reference: String
    let reachability: Reachability
    /// Address space organisations number internal hosts from (private use, shared address space).
    let isInternalAddressSpace: Bool
}
