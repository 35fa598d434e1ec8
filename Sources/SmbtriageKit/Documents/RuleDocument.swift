import Detection

/// The active rule in `rule --json`: the rule file's own schema plus its coverage notes.
public struct RuleDocument: Encodable, Sendable {
    var rule: DetectionRule
    var coverageNotes: [CoverageNoteDocument]

    public init(_ rule: DetectionRule, coverage: [CoverageNote]) {
        self.rule = rule
        coverageNotes = coverage.map(CoverageNoteDocument.init)
    }

    enum CodingKeys: String, CodingKey {
        case coverageNotes = "coverage_notes"
    }

    /// The rule's keys and `coverage_notes` in one object.
    public func encode(to encoder: any Encoder) throws {
        try rule.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(coverageNotes, forKey: .coverageNotes)
    }
}

/// One coverage note: what the rule cannot see in the data at hand, and why.
struct CoverageNoteDocument: Encodable, Sendable {
    var id, title, detail: String

    init(_ note: CoverageNote) {
        id = note.id
        title = note.title
        detail = note.detail
    }
}
