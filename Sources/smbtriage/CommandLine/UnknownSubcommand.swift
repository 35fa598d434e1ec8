/// A word where a subcommand belongs that names none: a usage error (exit 2) that suggests the
/// nearest subcommand, as git does.
struct UnknownSubcommand: UsageProblem {
    /// The unknown word.
    let word: String
    /// The commands before it, from the program's name.
    let path: [String]
    /// The subcommands that would have been valid there.
    let known: [String]

    var description: String {
        let command = path.joined(separator: " ")
        var message = "'\(word)' is not a \(command) command."
        if let suggestion = Self.nearest(to: word, in: known) {
            message += " Did you mean '\(suggestion)'?"
        }
        return message + " See '\(command) --help'."
    }

    /// The candidate nearest to `word` by edit distance, when near enough to be a likely typo:
    /// at most two edits, or one per three characters of a longer word.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { (candidate: $0, distance: editDistance(word.lowercased(), $0)) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        return best.distance <= max(2, word.count / 3) ? best.candidate : nil
    }

    /// Levenshtein distance: the fewest insertions, deletions and substitutions from `a` to `b`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, characterA) in a.enumerated() {
            var current = [i + 1]
            for (j, characterB) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1,
                                   previous[j] + (characterA == characterB ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
