import Detection

/// Addresses with ports as the console writes them and its searches find them: `8.8.8.8:445`,
/// `[2001:db8::1]:445`.
public enum EndpointText {
    public static func destination(_ event: NetworkEvent) -> String {
        endpoint(event.destinationIPs.first, event.destinationPort)
    }

    public static func source(_ event: NetworkEvent) -> String {
        endpoint(event.sourceIPs.first, event.sourcePort)
    }

    public static func endpoint(_ address: IPAddress?, _ port: Int?) -> String {
        guard let address else { return "?" }
        guard let port else { return "\(address)" }
        return address.isIPv4 ? "\(address):\(port)" : "[\(address)]:\(port)"
    }
}
