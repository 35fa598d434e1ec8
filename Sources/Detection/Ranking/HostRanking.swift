import Foundation

/// Why an internal host ranks where it does in the hosts list: the facts the score reads, the
/// score (docs/RANKING.md states the formula) and the reason in words.
public struct HostRanking: Hashable, Sendable {
    public var openAlerts: Int
    public var acknowledgedAlerts: Int
    /// Bytes sent to external destinations, each connection counted once at the largest figure
    /// any sensor reported.
    public var bytesOut: Int64
    /// The part of `bytesOut` that went to destinations new for the host.
    public var bytesToNewDestinations: Int64
    public var externalDestinations: Int
    /// External destinations that never answered (no bytes back, Zeek S0/REJ, a firewall deny).
    public var unansweredDestinations: Int
    /// External destinations first contacted at least `newDestinationGrace` after the host's
    /// first activity in the store.
    public var newDestinations: Int
    /// How long before the store's newest host activity this host was last active.
    public var idle: TimeInterval
    /// True when the host's case was resolved (set by the case module; false until it exists).
    public var isResolvedCase: Bool

    /// A destination first contacted this long after the host's first activity is new for it.
    public static let newDestinationGrace: TimeInterval = 3600
    /// Recency stops counting after a week of silence.
    public static let recencyHorizon: TimeInterval = 7 * 86400
    /// What a resolved case loses: more than any open host can score, so resolved hosts sink.
    public static let resolvedCasePenalty = 10_000.0

    public init(openAlerts: Int, acknowledgedAlerts: Int, bytesOut: Int64, bytesToNewDestinations: Int64,
                externalDestinations: Int, unansweredDestinations: Int, newDestinations: Int, idle: TimeInterval,
                isResolvedCase: Bool = false) {
        self.openAlerts = openAlerts
        self.acknowledgedAlerts = acknowledgedAlerts
        self.bytesOut = bytesOut
        self.bytesToNewDestinations = bytesToNewDestinations
        self.externalDestinations = externalDestinations
        self.unansweredDestinations = unansweredDestinations
        self.newDestinations = newDestinations
        self.idle = idle
        self.isResolvedCase = isResolvedCase
    }

    /// The hosts list's order, highest first: `rank` in points. Every term grows with the
    /// logarithm of its count, so a thousand alerts do not drown a few hundred megabytes leaving
    /// for a new destination.
    public var score: Double {
        Double(rank) / Double(Self.unitsPerPoint)
    }

    /// The exact key of the hosts list's order (highest first, ties in address order), in
    /// `unitsPerPoint`ths of a point: the time-independent part (`rankBase`) plus the recency of
    /// a host idle `idle` whole seconds. Whole numbers, so the store can keep `rankBase` in an
    /// index and order recent hosts by `rankBase + recencyUnitsPerSecond × last seen` without
    /// a rounding step that could reorder two hosts (docs/RANKING.md).
    public var rank: Int64 {
        // Idle is at most the horizon (no recency left) and at least 0 (the newest activity).
        let idleSeconds = Int64(min(max(idle, 0), Self.recencyHorizon).rounded(.towardZero))
        return rankBase + Self.recencyUnitsPerSecond * (Int64(Self.recencyHorizon) - idleSeconds)
    }

    /// Everything in `rank` but recency, in units: what changes only when a count or the
    /// host's case does.
    public var rankBase: Int64 {
        func log(_ value: Double) -> Double { log2(1 + max(0, value)) }
        let megabytes = 1_048_576.0
        let points = 10 * log(Double(openAlerts))
            + 5 * log(Double(acknowledgedAlerts))
            + 10 * log(Double(bytesOut) / megabytes)
            + 15 * log(Double(bytesToNewDestinations) / megabytes)
            + 3 * log(Double(externalDestinations))
            + 8 * log(Double(unansweredDestinations))
            + 6 * log(Double(newDestinations))
            - (isResolvedCase ? Self.resolvedCasePenalty : 0)
        return Int64((points * Double(Self.unitsPerPoint)).rounded())
    }

    /// The rank's unit: one point is as many units as the recency horizon has seconds, so the
    /// recency term (`recencyPoints` over the horizon) is a whole number of units per second.
    public static let unitsPerPoint = Int64(recencyHorizon)
    /// Points a host active right now gets for recency; they fall linearly to 0 over the horizon.
    public static let recencyPoints: Int64 = 20
    /// The units of recency one second less idle adds (`recencyPoints × unitsPerPoint / horizon`).
    public static let recencyUnitsPerSecond = recencyPoints

    /// The host's row in words: its strongest signals, most telling first ("343 MiB to 1 new
    /// destination", "SYN to 150 destinations, 0 replies"), byte counts written by `size`: the
    /// screen's own byte format, so the reason and the byte columns beside it agree.
    public func reason(size: (Int64) -> String) -> String {
        var parts: [String] = []
        let isScan = unansweredDestinations > 0 && unansweredDestinations == externalDestinations
        if isScan {
            // Nothing came back: the bytes out are the attempts themselves.
        } else if bytesToNewDestinations > 0 {
            parts.append("\(size(bytesToNewDestinations)) to \(Self.count(newDestinations, "new destination"))")
        } else if bytesOut > 0 {
            parts.append("\(size(bytesOut)) to \(Self.count(externalDestinations, "external destination"))")
        }
        if unansweredDestinations > 0 {
            parts.append(isScan
                ? "SYN to \(Self.count(externalDestinations, "destination")), 0 replies"
                : "\(unansweredDestinations) of \(Self.count(externalDestinations, "destination")) never answered")
        }
        if openAlerts > 0 { parts.append(Self.count(openAlerts, "open alert")) }
        if acknowledgedAlerts > 0 { parts.append("\(acknowledgedAlerts) acknowledged") }
        if isResolvedCase { parts.append("case resolved") }
        return parts.isEmpty ? "no external SMB" : parts.joined(separator: "; ")
    }

    private static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }
}
