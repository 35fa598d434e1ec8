@testable import Console
import ScreenCore
import Testing

/// The #14 screens not yet golden at every size: each at 80×24, 120×40 and 60×15.
extension GoldenScreenTests {
    static let sizes = [(80, 24), (120, 40), (60, 15)]

    /// Checks the screen `keys` lead to at every size, as `<name>-<width>x<height>`.
    private func checkEverySize(_ name: String, keys: [Key], typing text: String? = nil, readOnly: Bool = false) throws {
        for (width, height) in Self.sizes {
            try Golden.check(render(width: width, height: height, keys: keys, typing: text, readOnly: readOnly),
                             named: "\(name)-\(width)x\(height)")
        }
    }

    @Test("the hosts list with its filter off: all hosts, at every size")
    func hostsAll() throws {
        try checkEverySize("hosts-all", keys: [.character("a")])
    }

    @Test("a host's alerts filtered by status, at every size")
    func hostStatusFilter() throws {
        try checkEverySize("host-acknowledged", keys: [.enter, .character("f"), .character("f")])
    }

    @Test("marks: a range marked with V, and every row in view with *, at every size")
    func marks() throws {
        try checkEverySize("host-marked-range", keys: [.enter, .tab, .character("V"), .character("j"), .character("V")])
        try checkEverySize("host-marked-all", keys: [.enter, .tab, .character("*")])
    }

    @Test("the alert's panes: destination, ATT&CK, guide, at every size")
    func alertPanesEverySize() throws {
        let open: [Key] = [.enter, .tab, .enter]
        try checkEverySize("alert-pane-destination", keys: open)
        try checkEverySize("alert-pane-attack", keys: open + [.tab])
        try checkEverySize("alert-pane-guide", keys: open + [.tab, .tab])
    }

    @Test("a search being typed, with match k of m: a host's alerts and the history, at every size")
    func searchInProgress() throws {
        try checkEverySize("search-host-alerts", keys: [.enter, .tab, .character("/")], typing: "open")
        try checkEverySize("search-history", keys: [.character("H"), .character("/")], typing: "8.8.8.8")
    }

    @Test("read-only: the hint bar offers no write key, at every size")
    func readOnlyHints() throws {
        try checkEverySize("readonly-hosts", keys: [], readOnly: true)
        try checkEverySize("readonly-host", keys: [.enter, .tab], readOnly: true)
    }
}
