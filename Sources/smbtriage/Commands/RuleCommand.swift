import ArgumentParser
import BundledRules
import Detection
import Foundation
import SmbtriageKit
import Store

/// `smbtriage rule`: the active rule as data — query, metadata, ATT&CK, guide, coverage notes;
/// the bundled versions (`rule list`) and which one the store runs (`rule use`).
struct RuleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rule",
        abstract: "Print the active detection rule, check a rule file, or choose the rule version.",
        subcommands: [Show.self, List.self, Use.self],
        defaultSubcommand: Show.self
    )

    /// `smbtriage rule [show]`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the store's active rule (103 when there is no store), or check a rule file.")

        @OptionGroup var store: StoreOptions
        @Flag(help: "Print the rule as JSON (the rule file's own schema, plus coverage notes).") var json = false
        @Option(help: "Validate this rule file; errors name line and column.", completion: .file())
        var check: String?

        func run() throws {
            if let check { return try validate(file: check) }
            let compiled = try store.activeRule()
            let notes = coverageNotes(for: compiled)
            guard json else {
                print(renderRuleText(compiled.rule, coverage: notes), terminator: "")
                return
            }
            try JSONLines.write(RuleDocument(compiled.rule, coverage: notes))
        }

        private func validate(file: String) throws {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CommandFailure("cannot read \(file): \(error.localizedDescription)")
            }
            let errors = validateRuleFile(data)
            guard !errors.isEmpty else {
                print("\(TerminalText.safe(file)): valid")
                return
            }
            for error in errors { StandardError.print(TerminalText.safe("\(file):\(error)")) }
            throw ExitCode.failure
        }
    }

    /// `smbtriage rule list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the bundled rule versions; * marks the active one.")

        @OptionGroup var store: StoreOptions
        @Flag(help: "One JSON object per version.") var json = false

        func run() throws {
            let active = try store.activeRule().rule.version
            var table = TextTable([("", .left), ("VERSION", .right), ("TYPE", .left), ("RISK", .right),
                                   ("SEVERITY", .left), ("ALERTS", .left)])
            for rule in try StoreOptions.bundledRules().all.map(\.rule) {
                let version = rule.version
                guard !json else {
                    try JSONLines.write(RuleVersionDocument(rule, isActive: version == active))
                    continue
                }
                table.append([version == active ? "*" : "", "\(version)", rule.type, "\(rule.riskScore)",
                              rule.severity, RuleVersionSummary.alerting(rule)])
            }
            if !json { print(table.render()) }
        }
    }

    /// `smbtriage rule use VERSION`.
    struct Use: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a bundled rule version the store's active rule (audited; alerts are kept).")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The version: \(DetectionRule.bundledVersions.map(String.init).joined(separator: " or ")).")
        var version: Int

        func validate() throws {
            guard DetectionRule.bundledVersions.contains(version) else {
                throw ValidationError("there is no bundled rule version \(version); the bundled versions are "
                    + DetectionRule.bundledVersions.map(String.init).joined(separator: " and ") + ".")
            }
        }

        func run() throws {
            let repository = try store.open()
            guard let rule = repository.rules.rule(version: version)?.rule else {
                throw CommandFailure("there is no bundled rule version \(version).")
            }
            let changed = try repository.setActiveRuleVersion(version, actor: Analyst.current)
            let description = "rule version \(version) (\(rule.type), risk \(rule.riskScore), \(rule.severity))"
            print(changed ? "\(description) is now active" : "\(description) was already active")
        }
    }
}
