/// A search of the hosts list covers the whole list, not only the rows loaded around the view: the
/// store finds every match's position, so `n`/`N` and `match k of m` count them all.
extension Update {
    /// The store query for the search in front, when it searches the hosts list.
    static func findInStore(_ state: ConsoleState) -> [Effect] {
        guard let search = activeSearch(state), search.scope == .screen(.hosts), !search.query.isEmpty else { return [] }
        let hosts = state.hosts
        return [.findHosts(search.query, hosts.filter, hosts.sort, reversed: hosts.reversed)]
    }

    /// Takes the store's matches for the query still typed; while typing, goes to the first from where it started.
    static func applyStoreMatches(_ state: inout ConsoleState, query: String, positions: [Int]) -> [Effect] {
        guard var search = activeSearch(state), search.scope == .screen(.hosts), search.query == query else { return [] }
        search.storeMatches = Search.StoreMatches(query: query, positions: positions)
        state.search = search
        guard search.isEditing, let line = Search.first(from: search.origin, in: positions) else { return [] }
        return jump(&state, to: line)
    }
}
