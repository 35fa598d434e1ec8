import Foundation

/// How a resolved case came open again: new alerts on its host after it was resolved.
public struct CaseReopening: Hashable, Sendable, CustomStringConvertible {
    /// When the first new alert reopened it.
    public var at: Date
    /// The verdict the case had been resolved with.
    public var previousVerdict: CaseVerdict
    /// Alerts created on the host since it was resolved.
    public var newAlerts: Int

    public init(at: Date, previousVerdict: CaseVerdict, newAlerts: Int) {
        self.at = at
        self.previousVerdict = previousVerdict
        self.newAlerts = newAlerts
    }

    /// "reopened: 12 new alerts since resolved".
    public var description: String {
        "reopened: \(newAlerts) new alert\(newAlerts == 1 ? "" : "s") since resolved"
    }
}
