/// Kibana's alert workflow status.
public enum AlertStatus: String, Hashable, Sendable, CaseIterable, Codable {
    case open, acknowledged, closed
}
