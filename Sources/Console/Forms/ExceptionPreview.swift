import Detection
import ScreenCore

/// What an exception form says before it is saved: how many open alerts its scope matches now,
/// counted by the store as the fields change.
struct ExceptionPreview: Hashable, Sendable {
    var scope: ExceptionScope
    /// Nil while the store counts.
    var openAlerts: Int?

    /// `closes 12 open alerts`, or what happens when the box is not ticked.
    func text(closing: Bool) -> String {
        guard let openAlerts else { return "counting the open alerts it matches…" }
        let alerts = openAlerts == 1 ? "1 open alert" : "\(NumberText.grouped(openAlerts)) open alerts"
        if openAlerts == 0 { return "no open alert matches" }
        return closing ? "closes \(alerts)" : "\(alerts) match; they stay open"
    }
}
