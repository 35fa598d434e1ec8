import ArgumentParser
import Detection
import Foundation

/// `smbtriage rule`: the rule as data — query, metadata, ATT&CK, guide, coverage notes.
struct RuleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rule",
        abstract: "Print the detection rule, or check a rule file."
    )

    @Flag(help: "Print the rule as JSON (the rule file's own schema, plus coverage notes).") var json = false
    @Option(help: "Validate this rule file; errors name line and column.", completion: .file())
    var check: String?

    func run() throws {
        if let check { return try validate(file: check) }
        let compiled = try BundledRule.compiled()
        let notes = coverageNotes(for: compiled)
        guard json else {
            print(renderRuleText(compiled.rule, coverage: notes), terminator: "")
            return
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var document = try JSONSerialization.jsonObject(with: encoder.encode(compiled.rule)) as! [String: Any]
        document["coverage_notes"] = notes.map { ["id": $0.id, "title": $0.title, "detail": $0.detail] }
        JSONLines.write(document)
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
