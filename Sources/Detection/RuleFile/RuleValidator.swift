import Foundation

/// Checks a rule file completely: JSON syntax, keys and their types, values smbtriage can run
/// (a `query` rule in KQL, a known severity, sane numbers and durations), and the query itself,
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
        return valueErrors(rule, root) + queryErrors(rule, root)
    }

    private func error(at key: String, in root: JSONNode, _ reason: String) -> RuleFileError {
        RuleFileError(offset: root.member(key)?.offset ?? root.offset, in: bytes, reason: "\(key): \(reason)")
    }

    private func valueErrors(_ rule: DetectionRule, _ root: JSONNode) -> [RuleFileError] {
        var errors: [RuleFileError] = []
        if rule.type != "query" {
            errors.append(error(at: "type", in: root, "smbtriage runs query rules only, not \"\(rule.type.printableEscaped)\""))
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
        if !rule.from.hasPrefix("now-") || Self.durationSeconds(String(rule.from.dropFirst(4))) == nil {
            errors.append(error(at: "from", in: root, "must be date math such as now-9m"))
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
