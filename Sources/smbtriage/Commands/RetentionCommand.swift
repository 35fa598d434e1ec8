import ArgumentParser
import SmbtriageKit
import Store

/// `smbtriage retention [set]`: how long the store keeps flows, closed alerts and audit entries.
struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Show or set how long the store keeps flows, closed alerts and audit entries.",
        discussion: """
        `smbtriage prune` applies the policy, and `watch` applies it at start and about once an hour. \
        Never removed by age: open and acknowledged alerts and the flows they point to, alerts with a \
        note or a ticked guide step, notes, exceptions and their hit counts. Pruned flows stay in each \
        host's history as daily summaries per destination.
        """,
        subcommands: [Show.self, Set.self],
        defaultSubcommand: Show.self
    )

    /// `smbtriage retention` (`retention show`).
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the store's retention policy.")

        @OptionGroup var store: StoreOptions
        @Flag(help: "One JSON object.") var json = false

        func run() throws {
            let policy = try store.open(readOnly: true).retentionPolicy()
            if json {
                try JSONLines.write(RetentionPolicyDocument(policy))
            } else {
                print(Self.lines(policy).joined(separator: "\n"))
            }
        }

        static func lines(_ policy: RetentionPolicy) -> [String] {
            ["flows          \(counted(policy.flowDays, "day")) (then kept as daily summaries)",
             "closed alerts  \(counted(policy.closedAlertDays, "day")) after closing (unless noted or ticked)",
             "audit          \(counted(policy.auditDays, "day"))"]
        }
    }

    /// `smbtriage retention set --flows 30d --closed-alerts 180d --audit 730d`.
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the store's retention policy (recorded in the audit log).")

        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("Keep SMB flows this long: 30d, 8w.", valueName: "days")) var flows: RetentionDays?
        @Option(name: .customLong("closed-alerts"),
                help: ArgumentHelp("Keep closed alerts this long after closing.", valueName: "days"))
        var closedAlerts: RetentionDays?
        @Option(help: ArgumentHelp("Keep audit entries this long.", valueName: "days")) var audit: RetentionDays?

        func validate() throws {
            guard flows != nil || closedAlerts != nil || audit != nil else {
                throw ValidationError("name at least one of --flows, --closed-alerts, --audit (e.g. --flows 30d).")
            }
        }

        func run() throws {
            let repository = try store.open(mustExist: true)
            var policy = try repository.retentionPolicy()
            policy.flowDays = flows?.days ?? policy.flowDays
            policy.closedAlertDays = closedAlerts?.days ?? policy.closedAlertDays
            policy.auditDays = audit?.days ?? policy.auditDays
            try repository.setRetentionPolicy(policy, actor: Analyst.current)
            print(Show.lines(policy).joined(separator: "\n"))
        }
    }
}
