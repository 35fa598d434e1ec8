/// What a record tells about its connection beyond the 5-tuple: which sensor reported it, and
/// whether the other side answered.
extension NetworkEvent {
    /// Zeek connection states and firewall actions that mean nobody answered or the attempt was
    /// refused (Zeek `S0`, `REJ`, `RSTOS0`, `RSTRH`, `SH`, `SHR`; PAN-OS `deny`, `drop`, `reset-*`).
    private static let refusals: Set<String> = [
        "S0", "REJ", "RSTOS0", "RSTRH", "SH", "SHR", "deny", "drop", "reset-client", "reset-server", "reset-both",
        "drop-icmp",
    ]

    /// The sensor that reported the record: its dataset (else module) and, when the record names
    /// it, the observer (`zeek.connection@zeek-hq`).
    public var sensorName: String {
        Self.sensorName(dataset: dataset, module: module, observer: observerHostName)
    }

    /// `sensorName` of a record with these fields.
    public static func sensorName(dataset: String?, module: String?, observer: String?) -> String {
        let source = dataset ?? module ?? "unknown"
        guard let observer, !observer.isEmpty else { return source }
        return source + "@" + observer
    }

    /// True when the record shows the destination answered: bytes came back, and no connection
    /// state or firewall action says the attempt was refused or unanswered.
    public var showsReply: Bool {
        guard (destinationBytes ?? 0) > 0 else { return false }
        if let state = connectionState, Self.refusals.contains(state) { return false }
        return true
    }
}
