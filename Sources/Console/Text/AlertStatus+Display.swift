import ScreenCore
import TriageModel

extension AlertStatus {
    /// A symbol and word, e.g. `● open`: the state is never shown by colour alone.
    var label: String {
        switch self {
        case .open: "● open"
        case .acknowledged: "◐ ack"
        case .closed: "○ closed"
        }
    }

    var tone: Tone {
        switch self {
        case .open: .high
        case .acknowledged: .medium
        case .closed: .ok
        }
    }
}
