import Foundation

/// Checks a rule file completely: JSON syntax, keys and their types, values smbtriage can run
/// (a `query` or `new_terms` rule in KQL, a known severity, sane numbers and durations), and the query itself,
/// compiled, with its errors placed at the file's line and column.
public func validateRuleFile(_ data: Data) -> [RuleFileError] {
    RuleValidator(data).errors()
}

/// Works out `validateRuleFile(_:)`.
struct RuleValidator {
    private let data: Data
    private let bytes: [UInt8]

    init(_ data: Data) {
        self.data = data
        self.bytes = [UInt8](data)
    }

    func errors() -> [RuleFileError] {
        let root: JSONNode
        let rule: DetectionRule
        do {
            root = try DetectionRule.parseDocument(bytes)
            rule = try DetectionRule.decode(data, root: root, bytes: bytes)
        } catch {
            return [error]
        }
        return valueErrors(rule, root) + newTermsErrors(rule, root) + queryErrors(rule, root)
    }

    private func error(at key: String, in root: JSONNode, _ reason: String) -> RuleFileError {
        RuleFileError(offset: root.member(key)?.offset ?? root.offset, in: bytes, reason: "\(key): \(reason)")
    }

    private func valueErrors(_ rule: DetectionRule, _ root: JSONNode) -> [RuleFileError] {
        var errors: [RuleFileError] = []
        if !["query", "new_terms"].contains(rule.type) {
            errors.append(error(at: "type", in: root,
                                "smbtriage runs query and new_terms rules only, not \"\(rule.type.printableEscaped)\""))
        }
        if rule.language != "kuery" {
            errors.append(error(at: "language", in: root, "the query language must be \"kuery\" (KQL), not \"\(rule.language.printableEscaped)\""))
        }
        if !["low", "medium", "high", "critical"].contains(rule.severity) {
            errors.append(error(at: "severity", in: root, "must be low, medium, high or critical"))
        }
        if !(0...100).contains(rule.riskScore) {
            errors.append(error(at: "risk_score", in: root, "must be from 0 to 100"))
        }
        if rule.maxSignals < 1 {
            errors.append(error(at: "max_signals", in: root, "must be at least 1"))
        }
        if Self.durationSeconds(rule.interval) == nil {
            errors.append(error(at: "interval", in: root, "must be a duration such as 5m (s, m, h or d)"))
        }
        if Self.lookbackSeconds(rule.from) == nil {
            errors.append(error(at: "from", in: root, "must be date math such as now-9m"))
        }
        return errors
    }

    /// A `new_terms` rule names `source.ip` (the one field whose history smbtriage looks up) and a
    /// history window reaching further back than `from`; a query rule names neither.
    private func newTermsErrors(_ rule: DetectionRule, _ root: JSONNode) -> [RuleFileError] {
        guard rule.isNewTerms else {
            return ["new_terms_fields", "history_window_start"].filter { root.member($0) != nil }
                .map { error(at: $0, in: root, "only a new_terms rule takes it (this rule's type is \"\(rule.type.printableEscaped)\")") }
        }
        var errors: [RuleFileError] = []
        switch rule.newTermsFields {
        case nil:
            errors.append(error(at: "type", in: root, "a new_terms rule needs \"new_terms_fields\""))
        case ["source.ip"]?:
            break
        case _?:
            errors.append(error(at: "new_terms_fields", in: root, "smbtriage supports new terms on [\"source.ip\"] only"))
        }
        guard let start = rule.historyWindowStart else {
            errors.append(error(at: "type", in: root, "a new_terms rule needs \"history_window_start\""))
            return errors
        }
        let history = Self.lookbackSeconds(start)
        if history == nil {
            errors.append(error(at: "history_window_start", in: root, "must be date math such as now-5d"))
        } else if let history, let lookback = Self.lookbackSeconds(rule.from), history <= lookback {
            errors.append(error(at: "history_window_start", in: root, "must reach further back than from (\(rule.from.printableEscaped))"))
        }
        return errors
    }

    private func queryErrors(_ rule: DetectionRule, _ root: JSONNode) -> [RuleFileError] {
        do {
            _ = try CompiledRule(rule)
            return []
        } catch {
            guard let queryNode = root.member("query") else { return [] }
            let offsets = JSONNodeParser.scalarOffsets(ofStringAt: queryNode.offset, in: bytes)
            let byteOffset = offsets.isEmpty ? queryNode.offset : offsets[min(error.offset, offsets.count - 1)]
            return [RuleFileError(offset: byteOffset, in: bytes, reason: "query: \(error.reason)")]
        }
    }

    /// Seconds before now of date math such as `now-9m`, or nil when it is not of that form.
    static func lookbackSeconds(_ text: String) -> Int? {
        text.hasPrefix("now-") ? durationSeconds(String(text.dropFirst(4))) : nil
    }

    /// Seconds in an Elastic duration such as `5m`, or nil when it is not one.
    static func durationSeconds(_ text: String) -> Int? {
        guard let unit = text.last, let count = Int(text.dropLast()), count > 0 else { return nil }
        switch unit {
        case "s": return count
        case "m": return count * 60
        case "h": return count * 3600
        case "d": return count * 86_400
        default: return nil
        }
    }
}
