import ArgumentParser

/// A default subcommand whose command line starts with an argument rather than a subcommand's
/// name (`smbtriage case HOST` is `smbtriage case show HOST`): a word there that names no
/// sibling subcommand is its argument, not an unknown subcommand (`GlobalOptions`).
protocol LeadingArgumentCommand: ParsableCommand {}
