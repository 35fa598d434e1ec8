import Foundation
import Detection

/// The destination blocks the rule does not alert on (its `not destination.ip:(…)` clause), read
/// from the rule's query text so a rule update carries over. The history screen uses them to tell
/// Internet flows from internal ones.
struct ExcludedDestinations: Hashable, Sendable {
    private(set) var prefixes: [IPPrefix]

    init(rule: DetectionRule) {
        let query = rule.query
        guard let clause = query.range(of: "not destination.ip:("),
              let close = query[clause.upperBound...].firstIndex(of: ")") else {
            prefixes = []
            return
        }
        prefixes = query[clause.upperBound..<close]
            .split(separator: " ")
            .filter { $0 != "or" }
            .compactMap { try? IPPrefix(parsing: $0.trimmingCharacters(in: ["\""])) }
    }

    func contains(_ address: IPAddress) -> Bool {
        prefixes.contains { $0.contains(address) }
    }
}
