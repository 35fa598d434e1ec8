import ArgumentParser

/// The `smbtriage` command: triage SMB traffic from internal hosts to the Internet.
@main
struct SmbtriageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smbtriage",
        abstract: "Detect and triage SMB (TCP 139/445) traffic from internal hosts to the Internet.",
        version: SmbtriageVersion.current,
        subcommands: [DemoCommand.self]
    )
}

/// The release this binary was built from.
enum SmbtriageVersion {
    static let current = "0.1.0"
}
