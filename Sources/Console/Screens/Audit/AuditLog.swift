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
    /// The scope's entries in the order shown (newest first, or reversed); nil until they load.
    var entries: [AuditEntry]?
    var scroll = 0
    /// Newest first; `I` reverses it (still the newest `limit` entries of the store, oldest first).
    var order = ListOrder(column: 0, descending: true)

    /// Keeps the entries of the scope (`all` newest first, as the store lists them).
    mutating func take(_ all: [AuditEntry]) {
        let kept = all.filter { entry in
            switch scope {
            case .store: true
            case .host(let address): entry.host == address
            case .alert(let id): entry.alertID == id
            }
        }
        entries = order.reversed ? kept.reversed() : kept
    }

    /// `I`: the entries the other way round, from the top.
    mutating func reverse() {
        order.reversed.toggle()
        entries?.reverse()
        scroll = 0
    }
}
