import ArgumentParser

/// Options a user may give before the subcommand, git/kubectl style: `smbtriage --db X ingest f`
/// is `smbtriage ingest --db X f`.
///
/// argument-parser looks for an option only in the command it belongs to, after that command's
/// name, and an option group on the root would need every subcommand to merge the root's value
/// with its own. So the command line is rearranged before parsing instead: the global options
/// found anywhere along the subcommand path move behind it, and the parser and `--help` see each
/// command with its own options as before. A global option the command does not take is
/// dropped, as git ignores settings that do not concern a command (`smbtriage --no-color hosts`,
/// `smbtriage --db X rule`). The walk also finds an unknown subcommand word.
enum GlobalOptions {
    /// The global options' names, and whether each takes a value.
    static let names: [String: Bool] = ["--db": true, "--no-color": false]

    /// `arguments` (without the program name) with the global options moved behind the
    /// subcommand path, e.g. `--db X alerts close 12` → `alerts close --db X 12`, and dropped
    /// where the command does not take them.
    /// - Throws: `UnknownSubcommand` when a word where a subcommand belongs names none (unless the
    ///   default subcommand there is a `LeadingArgumentCommand`, whose argument it is).
    static func hoisted(_ arguments: [String], root: any ParsableCommand.Type) throws -> [String] {
        var path: [String] = []
        var options: [(name: String, words: ArraySlice<String>)] = []
        var command = root
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            if let takesValue = names[name] {
                let end = min(index + (takesValue && !word.contains("=") ? 2 : 1), arguments.count)
                options.append((name, arguments[index..<end]))
                index = end
                continue
            }
            let subcommands = command.configuration.subcommands
            if word.hasPrefix("-") || subcommands.isEmpty || word == "help" { break }
            guard let next = subcommands.first(where: { Self.names(of: $0).contains(word) }) else {
                if command.configuration.defaultSubcommand is any LeadingArgumentCommand.Type { break }
                throw UnknownSubcommand(word: word, path: [root._commandName] + path,
                                        known: subcommands.map { $0._commandName })
            }
            path.append(word)
            command = next
            index += 1
        }
        let usage = root.usageString(for: running(command))
        let taken = options.filter { usage.contains("[\($0.name) ") || usage.contains("[\($0.name)]") }
        return path + taken.flatMap(\.words) + arguments[index...]
    }

    /// The command that runs when `command` is named: its default subcommand, if it has one.
    private static func running(_ command: any ParsableCommand.Type) -> any ParsableCommand.Type {
        var command = command
        while let next = command.configuration.defaultSubcommand { command = next }
        return command
    }

    /// A command's name and aliases.
    private static func names(of command: any ParsableCommand.Type) -> [String] {
        [command._commandName] + command.configuration.aliases
    }
}
