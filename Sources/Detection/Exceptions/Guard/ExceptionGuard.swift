import Foundation

/// The one guard every path that creates an exception passes through (`exceptions add`,
/// `exceptions import`, the console's forms): it says why an item should not go in without the
/// analyst insisting. An item is judged by the share of the rule's own address space it silences
/// (see `SilenceTally`), alone and together with the active items already in place:
///
/// - sources: a quarter or more of one of the rule's source blocks (10.0.0.0/8, 172.16.0.0/12,
///   192.168.0.0/16); or, all blocks together, more internal sources than a /16 holds for one item,
///   a /12 for all items (IPv6: /48 and /44);
/// - destinations: more of the destinations the rule alerts on than a /16 holds for one item, a /12
///   for all items (IPv6: /32 and /28);
/// - one internal source host towards every destination: every future alert of a host that may be
///   the compromised one;
/// - an expiry that has passed: the item would never apply.
///
/// An item is flagged when it goes over a limit on its own, or when it takes the items in place
/// over a limit they were still under (so the guard speaks up once when the total crosses a limit,
/// not at every later small item): two halves of 10.0.0.0/8 are caught on the second, and the
/// message says what they silence together.
public struct ExceptionGuard: Hashable, Sendable {
    /// The limits: a share of a source block, and prefix lengths for one item and all items.
    enum Limits {
        static let sourceBlockShare = 0.25
        static let ipv4Sources = (item: 16, total: 12)
        static let ipv6Sources = (item: 48, total: 44)
        static let ipv4Destinations = (item: 16, total: 12)
        static let ipv6Destinations = (item: 32, total: 28)
    }

    private let now: Date
    private var tallies: [SilenceTally]

    /// A guard for `rule` with the `existing` items (those active at `now` count).
    public init(rule: CompiledRule, existing: [ExceptionItem], now: Date) {
        self.now = now
        tallies = RuleAddressPlane(rule).families.map(SilenceTally.init)
        for item in existing { admit(item) }
    }

    /// Counts `item` among the items in place (an import judges each item with those before it).
    public mutating func admit(_ item: ExceptionItem) {
        guard item.isActive(at: now) else { return }
        let footprint = ExceptionFootprint(item)
        for index in tallies.indices { tallies[index].add(footprint) }
    }

    /// Why `item` should not go in without the analyst insisting; empty when it may.
    public func concerns(about item: ExceptionItem) -> [ExceptionConcern] {
        let subject = item.conditionSummary
        var concerns: [ExceptionConcern] = []
        if let expiresAt = item.expiresAt, expiresAt <= now {
            concerns.append(ExceptionConcern(kind: .expired, message: "\(subject) expired at "
                + "\(expiresAt.formatted(.iso8601)): it would never apply"))
        }
        let footprint = ExceptionFootprint(item)
        let uncounted = footprint.uncountedFields.isEmpty ? ""
            : " (its conditions on \(footprint.uncountedFields.joined(separator: ", ")) are not counted)"
        if let finding = tallies.lazy.compactMap({ BreadthFinding(footprint, in: $0) }).first {
            concerns.append(ExceptionConcern(kind: .broad, message: finding.message(subject: subject) + uncounted))
        } else if let host = tallies.lazy.compactMap({ Self.singleHost(footprint, $0.family) }).first {
            concerns.append(ExceptionConcern(kind: .singleInternalHost, message: "\(subject) would silence every "
                + "future alert of the internal host \(host), even if that host is the compromised one\(uncounted)"))
        }
        return concerns
    }

    /// The one internal source an item silences towards every destination, if that is its shape.
    private static func singleHost(_ footprint: ExceptionFootprint, _ family: RuleAddressPlane.Family) -> IPAddress? {
        let sources = footprint.sources.intersection(family.sources)
        guard sources.ranges.count == 1, let only = sources.ranges.first, only.lowerBound == only.upperBound,
              footprint.destinations.isSuperset(of: family.destinations) else { return nil }
        return only.lowerBound
    }
}
