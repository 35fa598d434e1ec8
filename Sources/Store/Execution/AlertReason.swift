import Detection

/// `kibana.alert.reason` as Kibana writes it for a network event, e.g. "network event with
/// source 10.1.2.3:52144, destination 8.8.8.8:445, created high alert SMB (Windows File Sharing)
/// Activity to the Internet."
enum AlertReason {
    static func text(for event: NetworkEvent, rule: DetectionRule) -> String {
        func endpoint(_ name: String, _ addresses: [IPAddress], _ port: Int?) -> String? {
            guard let address = addresses.first else { return nil }
            return "\(name) \(address)" + (port.map { ":\($0)" } ?? "")
        }
        var parts = [
            endpoint("source", event.sourceIPs, event.sourcePort),
            endpoint("destination", event.destinationIPs, event.destinationPort),
        ].compactMap { $0 }
        if let user = event.userName, !user.isEmpty { parts.append("by \(user)") }
        if let host = event.observerHostName, !host.isEmpty { parts.append("on \(host)") }
        parts.append("created \(rule.severity) alert \(rule.name).")
        return "network event with " + parts.joined(separator: ", ")
    }
}
