/// Kibana's alert workflow status.
public enum AlertStatus: String, Hashable, Sendable, CaseIterable, Codable {
    case open, acknowledged, closed
}

extension AlertStatus {
    /// The verb that moves an alert to this status: "reopen", "acknowledge", "close".
    public var verb: String {
        switch self {
        case .open: "reopen"
        case .acknowledged: "acknowledge"
        case .closed: "close"
        }
    }

    /// The verb's past tense: "reopened", "acknowledged", "closed".
    public var pastTense: String {
        switch self {
        case .open: "reopened"
        case .acknowledged: "acknowledged"
        case .closed: "closed"
        }
    }
}
