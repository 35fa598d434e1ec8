import Detection

/// What the rule covers and misses, for the rule screen. This is the single spot to wire in
/// Detection's `coverageNotes(for:)` once it is on main; until then the notes come from the
/// rule's own data.
enum RuleCoverage {
    static func notes(for rule: DetectionRule) -> [String] {
        let fields = rule.requiredFields.map { "\($0.name) (\($0.type))" }.joined(separator: ", ")
        var notes = [
            "Needs the fields \(fields); events without them cannot match.",
            "Looks back \(rule.from) every \(rule.interval)"
                + (rule.timestampOverride.map { " on \($0) (ingest time, not event time)" } ?? "") + ".",
            "Creates at most \(rule.maxSignals) alerts per execution; further matches wait for the next one.",
        ]
        if !rule.index.isEmpty { notes.append("Reads the indices \(rule.index.joined(separator: ", ")).") }
        return notes
    }
}
