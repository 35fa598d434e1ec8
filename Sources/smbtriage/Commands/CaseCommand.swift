import ArgumentParser
import SmbtriageKit
import Store
import TriageModel

/// `smbtriage case HOST`: the analyst's case on one internal host (state, verdict, checklist,
/// notes), and the changes to it: `set`, `check`, `uncheck`, `note`. Every change is audited.
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Show or work the case of a host: its state, verdict, guide checklist and notes.",
        subcommands: [Show.self, SetState.self, Check.self, Uncheck.self, Note.self],
        defaultSubcommand: Show.self
    )

    /// `smbtriage case [show] HOST [--json]`.
    struct Show: LeadingArgumentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a host's case: state, verdict, reason, reopening, alert counts, checklist and notes.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The host: its address or hostname.") var host: HostArgument
        @Flag(help: "One JSON object.") var json = false

        func run() throws {
            let repository = try store.open(readOnly: true)
            let hostCase = try CaseCommand.hostCase(host, in: repository)
            let steps = try repository.activeRule().rule.investigationGuide.steps
            if json {
                try JSONLines.write(CaseDocument(hostCase, guideSteps: steps.count))
            } else {
                print(CaseText.render(hostCase, guideSteps: steps))
            }
        }
    }

    /// `smbtriage case set HOST --state S [--verdict V] [--reason R]`.
    struct SetState: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Move a host's case to another state.",
            discussion: """
            A case goes new → investigating → escalated → resolved; a resolved case may be \
            reopened (investigating, escalated). Resolving needs --verdict and closes the host's \
            open and acknowledged alerts with the verdict as their close reason.
            """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "The host: its address or hostname.") var host: HostArgument
        @Option(help: "The new state: \(CaseState.helpList).") var state: CaseState
        @Option(help: "Required with --state resolved: \(CaseVerdict.helpList).") var verdict: CaseVerdict?
        @Option(help: "Why (kept on the case and in the audit log).") var reason: String?

        func validate() throws {
            do {
                try CaseTransition.checkVerdict(verdict, for: state)
            } catch {
                throw ValidationError(error.description)
            }
        }

        func run() throws {
            let repository = try store.open(mustExist: true)
            let address = try CaseCommand.hostCase(host, in: repository).host
            let change = try repository.setCaseState(of: address, to: state, verdict: verdict, reason: reason,
                                                     actor: Analyst.current)
            var message = "case \(address) now \(state.rawValue)" + (verdict.map { " (\($0))" } ?? "")
            if verdict != nil { message += "; \(counted(change.closedAlertIDs.count, "alert")) closed" }
            print(message)
        }
    }

    /// `smbtriage case check HOST STEP`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tick an investigation-guide step on a host's case.")
        @OptionGroup var step: StepChange
        func run() throws { try step.apply(checked: true) }
    }

    /// `smbtriage case uncheck HOST STEP`.
    struct Uncheck: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Clear an investigation-guide step on a host's case.")
        @OptionGroup var step: StepChange
        func run() throws { try step.apply(checked: false) }
    }

    /// The arguments of `check` and `uncheck`.
    struct StepChange: ParsableArguments {
        @OptionGroup var store: StoreOptions
        @Argument(help: "The host: its address or hostname.") var host: HostArgument
        @Argument(help: "The guide step's number (as `smbtriage case HOST` lists them, from 1).") var step: Int

        /// Ticks or clears the step; says where the checklist stands.
        func apply(checked: Bool) throws {
            let repository = try store.open(mustExist: true)
            let address = try CaseCommand.hostCase(host, in: repository).host
            let steps = try repository.activeRule().rule.investigationGuide.steps.count
            guard steps > 0, (1...steps).contains(step) else {
                throw UsageFailure("the investigation guide has steps 1 to \(steps); there is no step \(step).")
            }
            try repository.setCaseGuideStep(of: address, step: step - 1, checked: checked, actor: Analyst.current)
            let ticked = try CaseCommand.hostCase(host, in: repository).checkedGuideSteps.filter { $0 < steps }.count
            print("step \(step) \(checked ? "ticked" : "cleared") on case \(address): \(ticked)/\(steps)")
        }
    }

    /// `smbtriage case note HOST TEXT`.
    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a note to a host's case.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The host: its address or hostname.") var host: HostArgument
        @OptionGroup var note: NoteText

        func run() throws {
            let repository = try store.open(mustExist: true)
            let address = try CaseCommand.hostCase(host, in: repository).host
            let added = try repository.addCaseNote(to: address, text: note.text, actor: Analyst.current)
            print("note \(added.id) added to case \(address) by \(TerminalText.safe(added.author))")
        }
    }

    /// The case of the host `argument` names.
    /// - Throws: a failure naming the host when it is no case.
    static func hostCase(_ argument: HostArgument, in store: SMBStore) throws -> HostCase {
        let address = try argument.address(in: store)
        guard let hostCase = try store.hostCase(address) else {
            throw CommandFailure("\(address) is no case: the store holds no alert of that host.")
        }
        return hostCase
    }
}
