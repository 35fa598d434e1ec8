import Foundation
import ScreenCore

/// The one keymap: dispatch, the status-bar hints, the `?` overlay and the docs all read it.
enum Keymap {
    static let bindings: [KeyBinding] = [
        // Everywhere
        KeyBinding(keys: [.character("?")], context: .global, action: .help, hint: "help", help: "Show this help"),
        KeyBinding(keys: [.character(":")], context: .global, action: .command, hint: nil,
                   help: "Command line (Tab completes): :q :hosts :exceptions :rule :host HOST :history HOST (an address or a hostname) :alert ID :sort NAME :audit (the screen's host or alert, else the store) :notes (the host's case notes)"),
        KeyBinding(keys: [.escape, .character("h"), .left, .backspace], context: .global, action: .back, hint: "back", help: "Go back one screen (on the hosts screen: clear the filters)"),
        KeyBinding(keys: [.character("q")], context: .global, action: .quit, hint: "quit",
                   help: "Quit on the hosts screen, go back elsewhere"),
        KeyBinding(keys: [.character("E")], context: .global, action: .exceptions, hint: nil, help: "Open the exceptions list"),
        KeyBinding(keys: [.character("R")], context: .global, action: .rule, hint: nil, help: "Open the rule"),
        KeyBinding(keys: [.ctrl("l")], context: .global, action: .refresh, hint: nil, help: "Reload the screen"),
        KeyBinding(keys: [.character("I")], context: .global, action: .reverseSort, hint: nil,
                   help: "Reverse the order of the list in front, as htop's I (▼/▲ after the sorted column's title): hosts, a host's destinations and alerts, history (the store pages alerts and history the other way), exceptions, the rule's recent executions. A newest-first list counts the rows a refresh adds above the cursor (▲ 3 new (g)); reversed, they arrive at its end (▼ 3 new (G))"),
        KeyBinding(keys: [.character("/")], context: .global, action: .search, hint: "search",
                   help: "Search the screen in front: the cursor (or the text) moves to the first match; a filter hides rows, a search does not"),
        // Lists
        KeyBinding(keys: [.character("j"), .down], context: .list, action: .down, hint: nil, help: "Next row"),
        KeyBinding(keys: [.character("k"), .up], context: .list, action: .up, hint: nil, help: "Previous row"),
        KeyBinding(keys: [.pageDown, .ctrl("f")], context: .list, action: .pageDown, hint: nil, help: "Next page"),
        KeyBinding(keys: [.pageUp, .ctrl("b")], context: .list, action: .pageUp, hint: nil, help: "Previous page"),
        KeyBinding(keys: [.ctrl("d")], context: .list, action: .halfPageDown, hint: nil, help: "Half a page down"),
        KeyBinding(keys: [.ctrl("u")], context: .list, action: .halfPageUp, hint: nil, help: "Half a page up"),
        KeyBinding(keys: [.character("g"), .home], context: .list, action: .top, hint: nil, help: "First row"),
        KeyBinding(keys: [.character("G"), .end], context: .list, action: .bottom, hint: nil, help: "Last row"),
        KeyBinding(keys: [.enter, .character("l"), .right], context: .list, action: .open, hint: "open",
                   help: "Open the selected row (a destination filters the host's alerts to it; a flow shows its raw record; an exception opens its edit form)"),
        // Hosts
        KeyBinding(keys: [.character("F")], context: .hosts, action: .filter, hint: "filter",
                   help: "Filter hosts by address or name (hides the others)"),
        KeyBinding(keys: [.character("a")], context: .hosts, action: .toggleAllHosts, hint: "all/attention",
                   help: "Show all hosts, or again only those that need attention (open alerts, or an open case with acknowledged alerts or moved to investigating/escalated; the list opens on these)"),
        KeyBinding(keys: [.character("f")], context: .hosts, action: .cycleStatusFilter, hint: "status",
                   help: "Cycle the status filter: all, open, acknowledged, closed (hosts with at least one alert in that status)"),
        KeyBinding(keys: [.character("s")], context: .hosts, action: .cycleSort, hint: "sort",
                   help: "Cycle the sort: attention, bytes out, last seen, address, destinations (▼/▲ in the column header)"),
        KeyBinding(keys: [.character("S")], context: .hosts, action: .reverseSort, hint: nil, help: "Reverse the sort (as I)"),
        KeyBinding(keys: [.character("A")], context: .hosts, action: .acknowledgeHost, hint: "ack all",
                   help: "Acknowledge all open alerts of the selected host (confirmed)"),
        KeyBinding(keys: [.character("C")], context: .hosts, action: .closeHost, hint: "close all",
                   help: "Close all open alerts of the selected host (reason, confirmed)"),
        KeyBinding(keys: [.character("H")], context: .hosts, action: .history, hint: "history", help: "The selected host's SMB history"),
        // Host
        KeyBinding(keys: [.tab], context: .host, action: .nextPane, hint: "pane", help: "Switch between destinations and alerts"),
        KeyBinding(keys: [.character(" ")], context: .host, action: .mark, hint: "mark", help: "Mark the selected row (one connection: the alerts it lists). A mark goes with its row: a new filter (f, a destination) unmarks every row, a row a refresh hides is unmarked; a/c/o ask first when marked rows are not among the rows loaded"),
        KeyBinding(keys: [.character("V")], context: .host, action: .markRange, hint: nil,
                   help: "Mark a range: V at one end, move, V at the other end marks every row between"),
        KeyBinding(keys: [.character("*")], context: .host, action: .markAll, hint: nil, help: "Mark every row in view"),
        KeyBinding(keys: [.character("a")], context: .host, action: .acknowledge, hint: "ack",
                   help: "Acknowledge the open alerts of the marked rows (or of the selected row's connection); a closed one stays closed, and when that leaves none to acknowledge, asks before acknowledging the closed ones"),
        KeyBinding(keys: [.character("c")], context: .host, action: .close, hint: "close",
                   help: "Close the open and acknowledged alerts of the marked rows (or of the selected row's connection) with a reason"),
        KeyBinding(keys: [.character("o")], context: .host, action: .reopen, hint: "reopen",
                   help: "Reopen the closed alerts of the marked rows (or of the selected row's connection); an acknowledged one stays acknowledged, and when that leaves none to reopen, asks before reopening the acknowledged ones"),
        KeyBinding(keys: [.character("S")], context: .host, action: .setCaseState, hint: "case",
                   help: "Set the case's state: new, investigating, escalated (optional reason)"),
        KeyBinding(keys: [.character("v")], context: .host, action: .resolveCase, hint: "resolve",
                   help: "Resolve the case with a verdict (required, none preselected); closes its open and acknowledged alerts (confirmed)"),
        KeyBinding(keys: [.character("n")], context: .host, action: .addCaseNote, hint: "note", help: "Add a note to the case"),
        KeyBinding(keys: [.character("N")], context: .host, action: .caseNotes, hint: "notes",
                   help: "Every note on the case, newest first, with time and author (also :notes); / searches them, a adds one"),
        KeyBinding(keys: [.character("H")], context: .host, action: .history, hint: "history", help: "This host's SMB history"),
        KeyBinding(keys: [.character("f")], context: .host, action: .cycleAlertStatusFilter, hint: "status",
                   help: "Cycle the alerts' status filter: all, open, acknowledged, closed"),
        // Alert
        KeyBinding(keys: [.tab], context: .alert, action: .nextPane, hint: "pane",
                   help: "Next pane: destination, ATT&CK, investigation guide, notes"),
        KeyBinding(keys: [.backTab], context: .alert, action: .previousPane, hint: nil, help: "Previous pane"),
        KeyBinding(keys: [.character("a")], context: .alert, action: .acknowledge, hint: "ack",
                   help: "Acknowledge this alert, whatever its status, and the open alerts of its connection (each sensor's record of it, whatever the host screen's filter; ] and [ show them): a closed one stays closed, and when this one is acknowledged already, asks before acknowledging the closed ones"),
        KeyBinding(keys: [.character("c")], context: .alert, action: .close, hint: "close",
                   help: "Close this alert and the open and acknowledged alerts of its connection with a reason (the form counts them)"),
        KeyBinding(keys: [.character("o")], context: .alert, action: .reopen, hint: "reopen",
                   help: "Reopen this alert, whatever its status, and the closed alerts of its connection: an acknowledged one stays acknowledged, and when this one is open already, asks before reopening the acknowledged ones"),
        KeyBinding(keys: [.character("e")], context: .alert, action: .addException, hint: "exception",
                   help: "Add an exception from this alert"),
        KeyBinding(keys: [.character("n")], context: .alert, action: .addNote, hint: "note", help: "Add a note"),
        KeyBinding(keys: [.character("r")], context: .alert, action: .showRaw, hint: "raw", help: "Show the original log record"),
        KeyBinding(keys: [.character("H")], context: .alert, action: .history, hint: nil, help: "The source host's SMB history"),
        KeyBinding(keys: [.character("]")], context: .alert, action: .nextConnectionAlert, hint: nil,
                   help: "The next alert of the same connection (another sensor's record of it)"),
        KeyBinding(keys: [.character("[")], context: .alert, action: .previousConnectionAlert, hint: nil,
                   help: "The previous alert of the same connection"),
        KeyBinding(keys: [.character(" "), .character("x")], context: .guide, action: .toggleGuideStep, hint: "tick",
                   help: "Tick or untick the selected step"),
        // Scrolling text
        KeyBinding(keys: [.character("j"), .down], context: .text, action: .down, hint: nil, help: "Scroll down (guide: next step)"),
        KeyBinding(keys: [.character("k"), .up], context: .text, action: .up, hint: nil, help: "Scroll up (guide: previous step)"),
        KeyBinding(keys: [.pageDown, .ctrl("f")], context: .text, action: .pageDown, hint: nil, help: "Scroll a page down"),
        KeyBinding(keys: [.pageUp, .ctrl("b")], context: .text, action: .pageUp, hint: nil, help: "Scroll a page up"),
        KeyBinding(keys: [.ctrl("d")], context: .text, action: .halfPageDown, hint: nil, help: "Scroll half a page down"),
        KeyBinding(keys: [.ctrl("u")], context: .text, action: .halfPageUp, hint: nil, help: "Scroll half a page up"),
        KeyBinding(keys: [.character("g"), .home], context: .text, action: .top, hint: nil, help: "Scroll to the top"),
        KeyBinding(keys: [.character("G"), .end], context: .text, action: .bottom, hint: nil, help: "Scroll to the end"),
        // History
        KeyBinding(keys: [.character("t")], context: .history, action: .toggleBucket, hint: "hour/day",
                   help: "Toggle the timeline between hours and days"),
        KeyBinding(keys: [.character("b")], context: .history, action: .toggleMetric, hint: "flows/bytes",
                   help: "Toggle the timeline between flows and bytes sent"),
        // Exceptions
        KeyBinding(keys: [.character("+"), .character("a")], context: .exceptions, action: .newException, hint: "add",
                   help: "Add an exception"),
        KeyBinding(keys: [.character("e")], context: .exceptions, action: .editException, hint: "edit",
                   help: "Edit the comment and expiry of the selected exception"),
        KeyBinding(keys: [.character("d"), .delete], context: .exceptions, action: .removeException, hint: "remove",
                   help: "Remove the selected exception (confirmed)"),
        // Forms, prompts, confirmations, overlays
        KeyBinding(keys: [.enter], context: .form, action: .submit, hint: "submit", help: "Submit the form"),
        KeyBinding(keys: [.escape], context: .form, action: .cancel, hint: "cancel", help: "Cancel"),
        KeyBinding(keys: [.tab, .down], context: .form, action: .nextField, hint: "next field", help: "Next field"),
        KeyBinding(keys: [.backTab, .up], context: .form, action: .previousField, hint: nil, help: "Previous field"),
        KeyBinding(keys: [.enter], context: .prompt, action: .submit, hint: "run",
                   help: "Run the command / keep the filter or the search"),
        KeyBinding(keys: [.tab], context: .prompt, action: .complete, hint: "complete", help: "Complete the command name"),
        KeyBinding(keys: [.escape], context: .prompt, action: .cancel, hint: "cancel", help: "Cancel (a filter or a search is cleared)"),
        KeyBinding(keys: [.character("n")], context: .search, action: .nextMatch, hint: "next", help: "Next match"),
        KeyBinding(keys: [.character("N")], context: .search, action: .previousMatch, hint: "previous", help: "Previous match"),
        KeyBinding(keys: [.escape], context: .search, action: .clearSearch, hint: "clear", help: "Clear the search"),
        KeyBinding(keys: [.character("y"), .enter], context: .confirm, action: .confirm, hint: "yes", help: "Go ahead"),
        KeyBinding(keys: [.character("n"), .escape], context: .confirm, action: .decline, hint: "no",
                   help: "Cancel (after a form: back to it, as typed)"),
        KeyBinding(keys: [.character("a")], context: .caseNotes, action: .addCaseNote, hint: "add", help: "Add a note to the case (saved, it shows here first)"),
        KeyBinding(keys: [.character("j"), .down], context: .overlay, action: .down, hint: "scroll", help: "Scroll down"),
        KeyBinding(keys: [.character("k"), .up], context: .overlay, action: .up, hint: nil, help: "Scroll up"),
        KeyBinding(keys: [.pageDown], context: .overlay, action: .pageDown, hint: nil, help: "Scroll a page down"),
        KeyBinding(keys: [.pageUp], context: .overlay, action: .pageUp, hint: nil, help: "Scroll a page up"),
        KeyBinding(keys: [.character("/")], context: .overlay, action: .search, hint: "search", help: "Search the text"),
        KeyBinding(keys: [.character("I")], context: .overlay, action: .reverseSort, hint: nil,
                   help: "Audit log: oldest first ⇄ newest first (of the newest 1,000 entries)"),
        KeyBinding(keys: [.character("p")], context: .overlay, action: .togglePretty, hint: nil,
                   help: "Raw record: pretty-printed JSON (shown first) or the original line"),
        KeyBinding(keys: [.escape, .character("q"), .character("?"), .character("r")], context: .overlay, action: .cancel,
                   hint: "close", help: "Close the overlay"),
    ]

    /// The action `key` triggers in the first of `contexts` that binds it.
    static func action(for key: Key, in contexts: [KeyContext]) -> Action? {
        for context in contexts {
            if let binding = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) {
                return binding.action
            }
        }
        return nil
    }

    /// A status-bar hint: the first key of a binding and its short label.
    struct Hint: Hashable, Sendable {
        var keys: String
        var label: String
        var action: Action
    }

    /// The status-bar hints for `contexts`, most specific first, one per action; no write keys when `readOnly`.
    static func hints(for contexts: [KeyContext], readOnly: Bool = false) -> [Hint] {
        var seen: Set<Action> = []
        var hints: [Hint] = []
        for context in contexts {
            for binding in bindings where binding.context == context && !(readOnly && binding.action.writes) {
                guard let hint = binding.hint, seen.insert(binding.action).inserted else { continue }
                hints.append(Hint(keys: binding.keys.first.map(KeyBinding.label) ?? "", label: hint, action: binding.action))
            }
        }
        return hints
    }

    /// One section of the help: a title and its keys (or mouse gestures) with what they do.
    struct HelpSection: Sendable {
        struct Row: Sendable {
            var keys: String
            var help: String
        }

        var title: String
        var rows: [Row]
    }

    /// What the `?` overlay and the docs list: one section per context that binds keys, then the mouse.
    static let helpSections: [HelpSection] = KeyContext.allCases.compactMap { context in
        let rows = bindings.filter { $0.context == context }.map { HelpSection.Row(keys: $0.keyLabel, help: $0.help) }
        return rows.isEmpty ? nil : HelpSection(title: context.rawValue, rows: rows)
    } + [HelpSection(title: MouseBinding.title, rows: MouseBinding.all.map { HelpSection.Row(keys: $0.gesture, help: $0.help) })]

    /// The keymap as Markdown tables, one per help section (docs/KEYMAP.md).
    static func markdown() -> String {
        var text = "# smbtriage console keys\n"
        for section in helpSections {
            text += "\n## \(section.title)\n\n| keys | action |\n|---|---|\n"
            for row in section.rows {
                text += "| `\(row.keys.replacingOccurrences(of: "|", with: "\\|"))` | \(row.help) |\n"
            }
        }
        return text
    }
}
