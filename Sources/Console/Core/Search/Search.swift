import Foundation
import ScreenCore

/// A `/` search on the screen or overlay in front: the text typed, whether it is still being typed
/// and where it belongs. A search moves the cursor (or the scroll) to a matching line and hides
/// nothing, unlike a filter; it is forgotten once its screen is left.
struct Search: Hashable, Sendable {
    /// What the search looks through.
    enum Scope: Hashable, Sendable {
        case screen(Route), help, raw, audit, caseNotes
    }

    let scope: Scope
    /// The line the view was on when the search started: typing finds the first match from there.
    let origin: Int
    var field = TextField()
    var isEditing = true
    /// The match the search went to last.
    var current: Int?
    /// What the store found over the whole of a paged list (the hosts), for the query it was asked.
    var storeMatches: StoreMatches?

    /// The positions, in list order, of every row of a paged list that matches `query`.
    struct StoreMatches: Hashable, Sendable {
        var query: String
        var positions: [Int]
    }

    var query: String { field.text }

    /// The indices of `lines` that contain `query`, ignoring case; none for an empty query.
    static func matches(_ query: String, in lines: [String]) -> [Int] {
        guard !query.isEmpty else { return [] }
        return lines.indices.filter { lines[$0].range(of: query, options: [.caseInsensitive]) != nil }
    }

    /// The match after `position` (or before it, backwards), wrapping around the ends.
    static func step(from position: Int, in matches: [Int], forward: Bool) -> Int? {
        forward ? matches.first { $0 > position } ?? matches.first
            : matches.last { $0 < position } ?? matches.last
    }

    /// The first match at or after `position`, wrapping around the end.
    static func first(from position: Int, in matches: [Int]) -> Int? {
        matches.first { $0 >= position } ?? matches.first
    }

    /// `match 3 of 12` when the view is on a match, `12 matches` when not, `no match`.
    static func progress(position: Int, matches: [Int]) -> String {
        guard !matches.isEmpty else { return "no match" }
        if let index = matches.firstIndex(of: position) {
            return "match \(NumberText.grouped(index + 1)) of \(NumberText.grouped(matches.count))"
        }
        return matches.count == 1 ? "1 match" : "\(NumberText.grouped(matches.count)) matches"
    }
}
