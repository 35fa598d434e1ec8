import TriageModel

extension TriageRepository {
    /// Moves exactly `alertIDs` to `status`, whatever their status (each is named), as another
    /// analyst or a test's setup would; returns how many changed.
    @discardableResult
    public func setStatus(_ status: AlertStatus, alertIDs: [Int64], reason: String?, actor: String) throws -> Int {
        try setStatus(status, named: alertIDs, comingAlong: [], reason: reason, actor: actor).written.count
    }
}
