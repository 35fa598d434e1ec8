import ScreenCore

/// Elastic's severity bands for a risk score, as a word (never colour alone) and a tone.
enum Severity: String, Sendable {
    case low, medium, high, critical

    init(riskScore: Int) {
        switch riskScore {
        case ..<22: self = .low
        case ..<48: self = .medium
        case ..<74: self = .high
        default: self = .critical
        }
    }

    var tone: Tone {
        switch self {
        case .low: .low
        case .medium: .medium
        case .high: .high
        case .critical: .critical
        }
    }

    /// `73 high`.
    static func label(riskScore: Int) -> String {
        "\(riskScore) \(Severity(riskScore: riskScore).rawValue)"
    }
}
