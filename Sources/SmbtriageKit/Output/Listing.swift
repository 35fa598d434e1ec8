import TriageModel

/// How the listings (`hosts`, `alerts`, `audit`) honour `--limit` and where their footers go.
///
/// A table stops at its command's default unless `--limit` says otherwise; `--json` has no limit
/// unless given, and streams page by page. `--limit 0` means no limit. Footers ("3 of 45 hosts")
/// go to standard error, so standard output stays data; under `--json` the only footer is the
/// note that a limit cut the list.
public enum Listing {
    /// The rows to show at most; nil for all.
    public static func rowLimit(_ limit: Int?, json: Bool, tableDefault: Int) -> Int? {
        let rows = limit ?? (json ? 0 : tableDefault)
        return rows > 0 ? rows : nil
    }

    /// Hands `body` every row of the pages `fetch(offset, count)` returns, up to `limit`;
    /// returns how many it handed and how many the query holds in all.
    public static func stream<Row>(limit: Int?, fetch: (_ offset: Int, _ count: Int) throws -> Page<Row>,
                            _ body: (Row) throws -> Void) throws -> (shown: Int, total: Int) {
        var shown = 0
        var total = 0
        repeat {
            let count = min(pageSize, (limit ?? Int.max) - shown)
            let page = try fetch(shown, count)
            total = page.total
            for row in page.rows { try body(row) }
            shown += page.rows.count
            if page.rows.count < count { break }
        } while shown < min(total, limit ?? Int.max)
        return (shown, total)
    }

    /// Writes the footer to standard error: `3 of 45 hosts` under a table, plus how to see the
    /// rest whenever the limit cut the list (the only footer under `--json`).
    public static func footer(shown: Int, total: Int, noun: String, json: Bool) {
        let cut = shown < total
        guard cut || !json else { return }
        StandardError.print("\(shown) of \(counted(total, noun))" + (cut ? "; --limit 0 lists them all" : ""))
    }

    private static let pageSize = 1000
}
