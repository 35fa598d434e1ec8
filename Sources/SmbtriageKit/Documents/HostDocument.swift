import ScreenCore
import Store
import TriageModel

/// An internal host in `hosts --json`.
public struct HostDocument: Encodable, Sendable {
    var address: String
    var hostName: Nullable<String>
    var openAlerts, acknowledgedAlerts, closedAlerts, externalDestinations: Int
    var bytesOut: Int64
    var firstSeen, lastSeen: String
    var highestRisk: Nullable<Int>
    var unansweredDestinations, newDestinations: Int
    var bytesToNewDestinations: Int64
    var score: Double
    var reason: String

    public init(_ host: HostSummary) {
        address = "\(host.address)"
        hostName = Nullable(host.hostName)
        openAlerts = host.openAlerts
        acknowledgedAlerts = host.acknowledgedAlerts
        closedAlerts = host.closedAlerts
        externalDestinations = host.externalDestinations
        bytesOut = host.bytesOut
        firstSeen = JSONLines.date(host.firstSeen)
        lastSeen = JSONLines.date(host.lastSeen)
        highestRisk = Nullable(host.highestRisk)
        unansweredDestinations = host.ranking.unansweredDestinations
        newDestinations = host.ranking.newDestinations
        bytesToNewDestinations = host.ranking.bytesToNewDestinations
        score = (host.ranking.score * 10).rounded() / 10
        reason = host.ranking.reason(size: NumberText.bytes)
    }

    enum CodingKeys: String, CodingKey {
        case address = "source.ip", hostName = "host.name", openAlerts = "alerts.open"
        case acknowledgedAlerts = "alerts.acknowledged", closedAlerts = "alerts.closed"
        case externalDestinations = "destinations.external", bytesOut = "source.bytes.external"
        case firstSeen = "first_seen", lastSeen = "last_seen", highestRisk = "risk_score.max"
        case unansweredDestinations = "destinations.unanswered", newDestinations = "destinations.new"
        case bytesToNewDestinations = "source.bytes.new_destinations", score = "ranking.score", reason = "ranking.reason"
    }
}
