import Detection
import TriageModel

/// The `:audit` overlay: the audit log's newest entries (what `smbtriage audit` prints) for the
/// whole store, one host or one alert, and how far they are scrolled.
struct AuditLog: Hashable, Sendable {
    /// Whose changes the overlay lists.
    enum Scope: Hashable, Sendable {
        case store, host(IPAddress), alert(Int64)
    }

    /// The newest entries read from the store; a host's or an alert's are picked from these.
    static let limit = 1_000

    let scope: Scope
    /// The scope's entries, newest first; nil until they load.
    var entries: [AuditEntry]?
    var scroll = 0

    /// Keeps the entries of the scope.
    mutating func take(_ all: [AuditEntry]) {
        entries = all.filter { entry in
            switch scope {
            case .store: true
            case .host(let address): entry.host == address
            case .alert(let id): entry.alertID == id
            }
        }
    }
}
