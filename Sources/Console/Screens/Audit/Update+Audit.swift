import TriageModel

/// `:audit`: the audit overlay for the screen in front (an alert's changes on the alert screen, a
/// host's on the host screen, the whole store's elsewhere).
extension Update {
    static func openAudit(_ state: inout ConsoleState) -> [Effect] {
        let scope: AuditLog.Scope = switch state.route {
        case .host(let address): .host(address)
        case .alert(let id): .alert(id)
        case .hosts, .history, .exceptions, .rule: .store
        }
        state.overlay = .audit(AuditLog(scope: scope))
        return [.loadAudit(limit: AuditLog.limit)]
    }

    /// Takes the entries when the audit overlay is still open.
    static func applyAuditLoaded(_ state: inout ConsoleState, _ entries: [AuditEntry]) -> [Effect] {
        guard case .audit(var log) = state.overlay else { return [] }
        log.take(entries)
        state.overlay = .audit(log)
        return []
    }
}
