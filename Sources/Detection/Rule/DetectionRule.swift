import Foundation

/// The detection rule as data: the published KQL query and Elastic's rule metadata, decoded from a
/// JSON rule file (`Resources/rule.json` ships the prebuilt rule, version 103, a query rule;
/// `Resources/rule-108.json` its new-terms version 108). Keys follow Elastic's rule schema
/// (`rule_id`, `risk_score`, `max_signals`, `new_terms_fields`, …).
public struct DetectionRule: Hashable, Sendable, Codable {
    public var ruleID: String
    public var name: String
    public var description: String
    public var version: Int
    /// `query` (a KQL query rule: one alert per matching event) or `new_terms` (one alert per
    /// value of `newTermsFields` not seen in the history window).
    public var type: String
    /// `kuery` (KQL).
    public var language: String
    /// The query text, verbatim as published.
    public var query: String
    /// The fields whose new values a `new_terms` rule alerts on (`["source.ip"]`); nil for a query rule.
    public var newTermsFields: [String]?
    /// Date math for the start of a `new_terms` rule's history window (`now-5d`); the window ends
    /// where the execution's look-back starts. Nil for a query rule.
    public var historyWindowStart: String?
    public var severity: String
    public var riskScore: Int
    /// How often the rule runs, in Elastic's duration syntax (`5m`).
    public var interval: String
    /// Date math for the look-back start (`now-9m`).
    public var from: String
    /// The field the look-back applies to (`event.ingested`): ingest time, not event time.
    public var timestampOverride: String?
    /// At most this many alerts per execution.
    public var maxSignals: Int
    public var index: [String]
    public var tags: [String]
    public var author: [String]
    public var license: String
    public var references: [String]
    public var requiredFields: [RequiredField]
    public var threat: [ThreatMapping]
    public var investigationGuide: InvestigationGuide

    enum CodingKeys: String, CodingKey {
        case ruleID = "rule_id", name, description, version, type, language, query, severity
        case newTermsFields = "new_terms_fields", historyWindowStart = "history_window_start"
        case riskScore = "risk_score", interval, from, timestampOverride = "timestamp_override"
        case maxSignals = "max_signals", index, tags, author, license, references
        case requiredFields = "required_fields", threat, investigationGuide = "investigation_guide"
    }

    /// True for a `new_terms` rule.
    public var isNewTerms: Bool { type == "new_terms" }

    /// A field the query needs and its Elasticsearch type (`ip`, `long`, `keyword`).
    public struct RequiredField: Hashable, Sendable, Codable {
        public var name: String
        public var type: String
    }

    /// One ATT&CK tactic and the techniques the rule maps under it.
    public struct ThreatMapping: Hashable, Sendable, Codable {
        public var framework: String
        public var tactic: AttackReference
        public var technique: [AttackReference]
    }

    /// A MITRE ATT&CK tactic or technique: `TA0001` / `T1190`, its name and URL.
    public struct AttackReference: Hashable, Sendable, Codable {
        public var id: String
        public var name: String
        public var reference: String
    }

    /// The investigation guide: steps an analyst works through, false-positive notes, response.
    public struct InvestigationGuide: Hashable, Sendable, Codable {
        public var steps: [String]
        public var falsePositives: [String]
        public var response: [String]

        enum CodingKeys: String, CodingKey {
            case steps, falsePositives = "false_positives", response
        }
    }
}
