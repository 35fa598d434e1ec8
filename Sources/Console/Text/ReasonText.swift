import Detection

/// An alert's reason as a host's alert list shows it: Kibana's "network event with source
/// 10.1.2.3:52144, destination 8.8.8.8:445, on zeek-hq, created high alert …" without the source
/// (the host itself, on every row) and the destination (a column of its own), so what differs
/// between rows (the user, the observer) comes first.
enum ReasonText {
    static func short(_ reason: String, of event: NetworkEvent) -> String {
        let prefix = "network event with "
        guard reason.hasPrefix(prefix) else { return reason }
        let shown: Set<String> = [
            endpoint("source", event.sourceIPs.first, event.sourcePort),
            endpoint("destination", event.destinationIPs.first, event.destinationPort),
        ]
        let kept = reason.dropFirst(prefix.count).components(separatedBy: ", ").filter { !shown.contains($0) }
        return kept.isEmpty ? "network event" : kept.joined(separator: ", ")
    }

    /// "source 10.1.2.3:52144", as the reason writes an endpoint.
    private static func endpoint(_ name: String, _ address: IPAddress?, _ port: Int?) -> String {
        address.map { "\(name) \($0)" + (port.map { ":\($0)" } ?? "") } ?? ""
    }
}
