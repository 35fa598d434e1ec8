import Detection
import ScreenCore
import TriageModel

/// The rule: metadata, the query as published, coverage notes and recent executions.
enum RuleView {
    static func draw(_ state: ConsoleState, into screen: inout Screen, theme: Theme) {
        let layout = state.layout
        StyledLine.draw(lines(state, width: screen.width, theme: theme), scroll: state.ruleScreen.scroll,
                        top: layout.bodyTop, height: layout.bodyHeight, into: &screen)
    }

    static func lines(_ state: ConsoleState, width: Int, theme: Theme) -> [StyledLine] {
        let rule = state.rule
        let heading = theme.style(.accent, .bold)
        var lines = [StyledLine(" " + rule.name, theme.style(.normal, .bold))]
        lines += StyledLine.field("Rule id", "\(rule.ruleID) · version \(rule.version)", width: width, theme: theme)
        lines += StyledLine.field("Versions", RuleVersionText.comparison(active: rule, others: state.otherRuleVersions),
                                  width: width, theme: theme)
        let severity = Severity(riskScore: rule.riskScore)
        lines += StyledLine.field("Severity", "\(rule.severity) · risk score \(rule.riskScore)", width: width, theme: theme,
                                  valueStyle: theme.style(severity.tone, .bold))
        lines += StyledLine.field("Schedule", "every \(rule.interval), from \(rule.from), at most \(rule.maxSignals) alerts",
                                  width: width, theme: theme)
        let capped = state.ruleScreen.executions.filter(\.capReached).count
        if capped > 0 {
            lines += StyledLine.field("Cap", "⚠ \(capped) of the last \(state.ruleScreen.executions.count) executions reached "
                                      + "\(rule.maxSignals) alerts; further matches wait for the next run",
                                      width: width, theme: theme, valueStyle: theme.style(.medium, .bold))
        }
        lines += StyledLine.field("Type", "\(rule.type) (\(rule.language))", width: width, theme: theme)
        if rule.isNewTerms {
            lines += StyledLine.field("New terms", (rule.newTermsFields ?? []).joined(separator: ", ")
                + " not seen from \(rule.historyWindowStart ?? "-") to the window's start; at most "
                + "\(5 * rule.maxSignals) values per execution", width: width, theme: theme)
        }
        lines += StyledLine.field("Needs", rule.requiredFields.map { "\($0.name) (\($0.type))" }.joined(separator: ", "),
                                  width: width, theme: theme)
        lines += StyledLine.field("Tags", rule.tags.joined(separator: ", "), width: width, theme: theme)
        lines += StyledLine.field("ATT&CK", rule.threat.map { mapping in
            "\(mapping.tactic.id) \(mapping.tactic.name) → " + mapping.technique.map { "\($0.id) \($0.name)" }.joined(separator: ", ")
        }.joined(separator: "; "), width: width, theme: theme)
        lines += StyledLine.field("Author", rule.author.joined(separator: ", ") + " · " + rule.license, width: width, theme: theme)
        lines += StyledLine.wrapped(rule.description, width: width - 2, style: theme.muted, firstPrefix: "  ", prefix: "  ")

        lines.append(StyledLine())
        lines.append(StyledLine(" Query", heading))
        lines += StyledLine.wrapped(rule.query, width: width - 2, style: theme.plain, firstPrefix: "  ", prefix: "  ")

        lines.append(StyledLine())
        lines.append(StyledLine(" Coverage", heading))
        if state.coverageNotes.isEmpty {
            lines.append(StyledLine("  The query leaves no special-purpose block or internal range uncovered.", theme.muted))
        }
        for note in state.coverageNotes {
            lines += StyledLine.wrapped(note.title, width: width - 2, style: theme.style(.medium, .bold), firstPrefix: "  • ",
                                        prefix: "    ")
            lines += StyledLine.wrapped(note.detail, width: width - 2, style: theme.plain, firstPrefix: "    ", prefix: "    ")
        }

        lines.append(StyledLine())
        lines.append(StyledLine(" Recent executions (\(state.ruleScreen.order.direction) \(state.ruleScreen.order.arrow), I reverses)", heading))
        if state.ruleScreen.executions.isEmpty {
            lines.append(StyledLine(state.ruleScreen.isLoaded ? "  The detector has not run yet." : "  Loading…", theme.muted))
        }
        let executions = state.ruleScreen.executions
        for execution in state.ruleScreen.order.reversed ? executions.reversed() : executions {
            lines.append(executionLine(execution, state, theme: theme))
        }
        for reference in rule.references {
            lines += StyledLine.field("Reference", reference, width: width, theme: theme, valueStyle: theme.style(.accent, .underline))
        }
        return lines
    }

    private static func executionLine(_ execution: ExecutionRecord, _ state: ConsoleState, theme: Theme) -> StyledLine {
        let suppressed = execution.suppressedBy.values.reduce(0, +)
        var line = StyledLine("  \(DateText.second(execution.ranAt, timeZone: state.timeZone))  ", theme.muted)
            .appending("matched \(NumberText.grouped(execution.matched)) · alerted \(NumberText.grouped(execution.alerted))"
                + " · pending \(NumberText.grouped(execution.pending)) · suppressed \(NumberText.grouped(suppressed))", theme.plain)
        if execution.capReached {
            line = line.appending("  ⚠ cap of \(state.rule.maxSignals) reached", theme.style(.medium, .bold))
        }
        return line
    }
}
