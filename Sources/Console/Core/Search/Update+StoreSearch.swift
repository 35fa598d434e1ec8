/// A search of a paged list (the hosts, a host's alerts, a history) covers the whole list, not only
/// the rows loaded around the view: the store finds every match's position, so `n`/`N` and
/// `match k of m` count them all.
extension Update {
    /// The store query for the search in front, when it searches a paged list.
    static func findInStore(_ state: ConsoleState) -> [Effect] {
        guard let search = activeSearch(state), !search.query.isEmpty, let list = SearchedList.inFront(state) else { return [] }
        return [.findInList(list, search.query)]
    }

    /// Asks the store again after the list in front changed its order or filter (the matches found
    /// for the list before stand no more).
    static func refindInStore(_ state: inout ConsoleState) -> [Effect] {
        state.search?.storeMatches = nil
        return findInStore(state)
    }

    /// Asks the store when it has no answer for the list in front as it is now (the host screen's
    /// pane changed since, say), so the next `n`/`N` covers the whole list again.
    static func findAgain(_ state: ConsoleState) -> [Effect] {
        currentStoreMatches(state) == nil ? findInStore(state) : []
    }

    /// The store's matches of the search in front, when they were found for the list in front as it is now.
    static func currentStoreMatches(_ state: ConsoleState) -> [Int]? {
        guard let search = activeSearch(state), let found = search.storeMatches,
              answers(found, search, state) else { return nil }
        return found.positions
    }

    /// True when `found` was found for `search`'s query and the list in front as it is now.
    private static func answers(_ found: Search.StoreMatches, _ search: Search, _ state: ConsoleState) -> Bool {
        found.query == search.query && found.list == SearchedList.inFront(state)
    }

    /// Takes the store's matches for the list and query still in front; while typing, goes to the
    /// first from where the search started.
    static func applyStoreMatches(_ state: inout ConsoleState, _ found: Search.StoreMatches) -> [Effect] {
        guard var search = activeSearch(state), answers(found, search, state) else { return [] }
        search.storeMatches = found
        state.search = search
        guard search.isEditing, let line = Search.first(from: search.origin, in: found.positions) else { return [] }
        return jump(&state, to: line)
    }
}
