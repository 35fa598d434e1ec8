/// What a status change writes, decided from the alerts' statuses as the write reads them
/// (`TriageRepository.setStatus`, in its own transaction): the alerts the analyst
/// named (the alert in view, an id given to the CLI) move whatever their status; the alerts that
/// come along only because they share the connection (or a row, or a mark) move only forward
/// (`AlertStatus.comesAlong(to:)`), so acknowledging never reopens a closed alert and reopening
/// never takes back an acknowledgement.
public struct AlertStatusChange: Hashable, Sendable {
    /// The status the alerts move to.
    public var status: AlertStatus
    /// The alerts the change writes, ascending.
    public var written: [Int64]
    /// The alerts left as they were because they only came along and the change would take them
    /// back (`held` is closed on an acknowledgement, acknowledged on a reopen), ascending.
    public var held: [Int64]
    /// The alerts already in `status`, ascending.
    public var unchanged: [Int64]

    /// Sorts `alerts` (each id with its status) into what a change to `status` writes, holds and
    /// finds done; `named` move whatever their status.
    public init(to status: AlertStatus, alerts: [Int64: AlertStatus], named: Set<Int64> = []) {
        self.status = status
        written = []
        held = []
        unchanged = []
        for (id, current) in alerts.sorted(by: { $0.key < $1.key }) {
            if current == status {
                unchanged.append(id)
            } else if named.contains(id) || current.comesAlong(to: status) {
                written.append(id)
            } else {
                held.append(id)
            }
        }
    }

    /// The status every held alert is in (closed on an acknowledgement, acknowledged on a reopen;
    /// nil on a close, which holds none).
    public var heldStatus: AlertStatus? {
        switch status {
        case .acknowledged: .closed
        case .open: .acknowledged
        case .closed: nil
        }
    }
}

extension AlertStatusChange {
    /// The held alerts in words, but `excluding`, named by `alerts` (given their ids and the status
    /// they stay in: "1 closed alert", "alert 13"): "1 closed alert left closed", or before the
    /// write (`written` false) "1 closed alert stays closed"; nil when none is held.
    public func heldText(written: Bool = true, excluding: Set<Int64> = [],
                         _ alerts: (_ ids: [Int64], _ status: AlertStatus) -> String) -> String? {
        let held = held.filter { !excluding.contains($0) }
        guard let heldStatus, !held.isEmpty else { return nil }
        return "\(alerts(held, heldStatus)) \(written ? "left" : "stays") \(heldStatus.rawValue)"
    }

    /// The alerts already in the status, but `excluding`, named by `alerts` ("2", "alerts 12, 13"):
    /// "2 already acknowledged"; nil when none is.
    public func unchangedText(excluding: Set<Int64> = [], _ alerts: (_ ids: [Int64]) -> String) -> String? {
        let unchanged = unchanged.filter { !excluding.contains($0) }
        return unchanged.isEmpty ? nil : "\(alerts(unchanged)) already \(status.rawValue)"
    }
}

extension AlertStatus {
    /// Whether an alert in this status that only comes along with the alerts acted on (it shares
    /// their connection or row) moves to `target`: forward only, open → acknowledged → closed, and
    /// closed → open on a reopen (an acknowledged alert stays acknowledged).
    public func comesAlong(to target: AlertStatus) -> Bool {
        switch target {
        case .acknowledged: self == .open
        case .closed: self != .closed
        case .open: self == .closed
        }
    }
}
