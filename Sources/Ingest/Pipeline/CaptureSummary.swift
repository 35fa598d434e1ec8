/// What reading a packet capture produced beyond the counts every input has (`FileSummary`
/// counts packets as its lines, flows as its network events, non-IP packets as skipped).
public struct CaptureSummary: Hashable, Sendable {
    /// libpcap's name of the capture's link type (`EN10MB`, `LINUX_SLL`, `RAW`, `NULL`).
    public var linkType: String
    /// IP fragments seen; those after the first carry no ports and count to no flow.
    public var fragments = 0
    /// Flows ended early because the flow table was full.
    public var evictedFlows = 0
    /// The most flows the table holds at once.
    public var flowTableCapacity: Int

    public init(linkType: String, flowTableCapacity: Int) {
        self.linkType = linkType
        self.flowTableCapacity = flowTableCapacity
    }
}
