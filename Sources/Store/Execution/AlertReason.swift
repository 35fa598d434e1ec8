import Detection

/// `kibana.alert.reason` as Kibana writes it for a network event, e.g. "network event with
/// source 10.1.2.3:52144, destination 8.8.8.8:445, created high alert SMB (Windows File Sharing)
/// Activity to the Internet."
///
/// Stored without what every alert of its rule repeats (v17): `alert.reason` keeps only the
/// event's `detail` ("source 10.1.2.3:52144, destination 8.8.8.8:445, ") and
/// `alert.reason_is_detail` says so; `sql` puts the text back together from the alert's
/// `alert_rule` row. A reason of another shape, from a store older than v17, stays whole.
enum AlertReason {
    /// What every reason starts with.
    static let opening = "network event with "

    /// The part of the reason only the event gives: its endpoints, user and sensor, each followed
    /// by ", " (empty when the event has none of them).
    static func detail(of event: NetworkEvent) -> String {
        func endpoint(_ name: String, _ addresses: [IPAddress], _ port: Int?) -> String? {
            guard let address = addresses.first else { return nil }
            return "\(name) \(address)" + (port.map { ":\($0)" } ?? "")
        }
        var parts = [
            endpoint("source", event.sourceIPs, event.sourcePort),
            endpoint("destination", event.destinationIPs, event.destinationPort),
        ].compactMap { $0 }
        if let user = event.userName, !user.isEmpty { parts.append("by \(user)") }
        if let host = event.observerHostName, !host.isEmpty { parts.append("on \(host)") }
        return parts.map { $0 + ", " }.joined()
    }

    /// The reason of the alert row `alert` as SQL: its detail between the opening and its rule's
    /// ending (naming `missingRule` when the rule row is gone), or the text stored whole.
    static func sql(alert: String) -> String {
        """
        CASE WHEN \(alert).reason_is_detail
             THEN '\(opening)' || \(alert).reason
                  || coalesce((SELECT \(endingSQL(rule: "r")) FROM alert_rule r WHERE r.id = \(alert).rule_key),
                              'created alert \(missingRule).')
             ELSE \(alert).reason END
        """
    }

    /// The rule name read for an alert whose `alert_rule` row is missing (a damaged store).
    static let missingRule = "(rule row missing)"

    /// What every alert of the `alert_rule` row `rule` ends its reason with, as SQL.
    static func endingSQL(rule: String) -> String {
        "'created ' || \(rule).severity || ' alert ' || \(rule).rule_name || '.'"
    }
}
