@testable import Console
import Detection
import Foundation
import ScreenCore
import Testing
import TriageModel

/// `update` on its own: pure state changes and the effects they ask for.
@Suite("update")
struct UpdateTests {
    private func freshState(width: Int = 120, height: Int = 40, readOnly: Bool = false) -> ConsoleState {
        ConsoleState(width: width, height: height, readOnly: readOnly, now: Fixture.now,
                     timeZone: TimeZone(identifier: "UTC")!, rule: Fixture.rule, catalog: Fixture.catalog)
    }

    @Test("the first resize asks for the hosts page around the visible rows, sorted by attention")
    func firstLoad() {
        var state = freshState(width: 80, height: 24)
        let effects = update(&state, .input(.resize(width: 80, height: 24)))
        let rows = Layout(width: 80, height: 24).hostRows
        #expect(effects == [.loadHosts(HostsState.attention, .attention, reversed: false, offset: 0, limit: rows * 3)])
        #expect(state.routes == [.hosts])
    }

    @Test("a loaded hosts page fills the list and asks for the sparklines of the visible hosts")
    func hostsLoaded() {
        var state = freshState()
        let rows = Fixture.standard().hosts
        let effects = update(&state, .hostsLoaded(offset: 0, Page(rows: rows, total: 3)))
        #expect(state.hosts.list.rows == rows)
        #expect(state.hosts.list.cursor == ListCursor(selected: 0, top: 0, count: 3))
        #expect(effects == [.loadActivity(rows.map(\.address))])
    }

    @Test("moving past the loaded window asks for the page around the new position, nothing else")
    func pagingFetchesOnlyVisibleRows() {
        var state = freshState(width: 80, height: 24)
        let visible = state.layout.hostRows
        let hosts = (0..<(visible * 3)).map { index in
            HostSummary(address: IPAddress(ipv4: 0x0A00_0000 + UInt32(index)), hostName: nil, openAlerts: 0, acknowledgedAlerts: 0,
                        closedAlerts: 0, externalDestinations: 0, bytesOut: 0, firstSeen: Fixture.now, lastSeen: Fixture.now,
                        highestRisk: nil)
        }
        _ = update(&state, .hostsLoaded(offset: 0, Page(rows: hosts, total: 10_000)))
        let effects = update(&state, .input(.key(.character("G"))))
        #expect(state.hosts.list.cursor.selected == 9_999)
        #expect(state.hosts.list.cursor.top == 10_000 - visible)
        #expect(effects == [.loadHosts(HostsState.attention, .attention, reversed: false, offset: 10_000 - 2 * visible, limit: visible * 3)])
    }

    @Test("Enter drills into the selected host, Esc comes back and reloads the hosts")
    func drillInAndOut() {
        var driver = StateDriver()
        driver.press(.character("j"))
        let selected = driver.state.hosts.list.selectedRow
        driver.press(.enter)
        #expect(driver.state.routes == [.hosts, .host(Fixture.printer)])
        #expect(driver.state.host?.summary == selected)
        #expect(driver.state.host?.destinations.map(\.address) == [IPAddress("203.0.114.77")!])
        #expect(driver.lastEffects.first == .loadDestinations(Fixture.printer))
        driver.press(.escape)
        #expect(driver.state.routes == [.hosts])
        #expect(driver.state.hosts.list.cursor.selected == 1)
        guard case .loadHosts = driver.lastEffects.first else {
            Issue.record("going back should reload the hosts, got \(driver.lastEffects)")
            return
        }
    }

    @Test("q goes back everywhere but the hosts screen, where it quits")
    func quit() {
        var driver = StateDriver()
        driver.press(.enter, .character("q"))
        #expect(driver.state.routes == [.hosts])
        #expect(!driver.state.quitting)
        driver.press(.character("q"))
        #expect(driver.state.quitting)
    }

    @Test("Space marks connection rows and moves down; a acknowledges every alert of the marked rows")
    func marksAndBulkAcknowledge() {
        var driver = StateDriver()
        driver.press(.enter, .tab)
        #expect(driver.state.host?.pane == .alerts)
        // Alerts 1 and 2 are two sensors' records of one connection: one row.
        #expect(driver.state.host?.alerts.rows.map(\.alertIDs) == [[3], [1, 2]])
        driver.press(.character(" "))
        #expect(driver.state.host?.marked == [3: [3: .acknowledged]])
        #expect(driver.state.host?.alerts.cursor.selected == 1)
        driver.press(.character(" "))
        #expect(driver.state.host?.marked == [3: [3: .acknowledged], 1: [1: .open, 2: .open]])
        driver.press(.character("a"))
        #expect(driver.state.host?.marked == [:])
        #expect(driver.repository.statusCalls.last?.written == [1, 2])
        #expect(driver.state.message == .success("acknowledged 2 alerts (one connection); 1 already acknowledged"))
        #expect(driver.repository.statusCalls.last?.actor == "tester")
    }

    @Test("closing asks for a reason; other needs details; the reason reaches the write")
    func closeWithReason() throws {
        var driver = StateDriver()
        driver.press(.enter, .tab, .character("c"))
        guard case .form(let form) = driver.state.overlay else {
            Issue.record("c should open the reason form")
            return
        }
        #expect(form.purpose == .closeAlerts(AlertTargets(.closed, rows: [[3: .acknowledged]])))
        driver.press(.left, .enter)
        guard case .form(let refused) = driver.state.overlay else {
            Issue.record("the form should stay open")
            return
        }
        #expect(refused.error == "details are required for other")
        driver.press(.tab)
        driver.type("seen twice")
        driver.press(.enter)
        #expect(driver.state.overlay == nil)
        let call = try #require(driver.repository.statusCalls.last)
        #expect(call.status == .closed && call.written == [3] && call.reason == "other: seen twice" && call.actor == "tester")
    }

    @Test("the close form preselects no reason: Enter alone is refused; true positive is offered first")
    func closeNeedsAnExplicitReason() {
        var driver = StateDriver()
        driver.press(.enter, .tab, .character("c"), .enter)
        guard case .form(let refused) = driver.state.overlay else {
            Issue.record("the form should stay open")
            return
        }
        #expect(refused.error == "choose a reason")
        #expect(driver.repository.statusCalls.isEmpty)
        driver.press(.right, .enter)
        #expect(driver.state.overlay == nil)
        #expect(driver.repository.statusCalls.last?.reason == "true positive")
    }

    @Test("read-only turns every write key into a message")
    func readOnly() {
        var driver = StateDriver(readOnly: true)
        driver.press(.enter, .tab, .character("a"))
        #expect(driver.lastEffects.isEmpty)
        #expect(driver.state.message == Update.readOnlyMessage)
        driver.press(.enter, .character("n"))
        #expect(driver.state.overlay == nil)
        #expect(driver.repository.statusCalls.isEmpty)
    }

    @Test("the exception form needs a comment, then adds the chosen scope and closes matching alerts")
    func exceptionFromAlert() throws {
        var driver = StateDriver()
        driver.press(.enter, .tab, .enter)
        #expect(driver.state.route == .alert(3))
        driver.press(.character("e"))
        driver.press(.right)
        driver.press(.enter)
        guard case .form(let form) = driver.state.overlay else {
            Issue.record("the exception form should be open")
            return
        }
        #expect(form.error == "comment is required")
        driver.press(.tab)
        driver.type("Azure Files")
        driver.press(.tab)
        driver.type("7d")
        driver.press(.enter)
        let call = try #require(driver.repository.exceptionCalls.last)
        #expect(call.item.entries == ExceptionScope.destination(try IPPrefix(parsing: "20.60.1.0/24")).entries)
        #expect(call.item.comment == "Azure Files")
        #expect(call.item.author == "tester")
        #expect(call.item.expiresAt == Fixture.now.addingTimeInterval(7 * 86_400))
        #expect(call.closeMatching)
        #expect(driver.state.message == .success("exception added"))
    }

    @Test("a broad exception shows its breadth warning and needs a yes")
    func broadExceptionNeedsConfirmation() throws {
        var driver = StateDriver()
        driver.press(.character("E"), .character("a"))
        driver.press(.tab, .tab)
        driver.type("20.0.0.0/8")
        driver.press(.tab)
        driver.type("all of Microsoft")
        driver.press(.enter)
        let confirmation = try #require(driver.confirmation, "a broad scope must be confirmed")
        #expect(confirmation.lines.first?.contains("16,777,216 Internet destinations (1/256 of IPv4)") == true)
        #expect(driver.repository.exceptionCalls.isEmpty)
        driver.press(.character("y"))
        #expect(driver.repository.exceptionCalls.count == 1)
        #expect(driver.state.exceptions.records.count == 3)
    }

    @Test("no to the breadth warning returns to the form with everything typed still there")
    func declineKeepsTheForm() throws {
        var driver = StateDriver()
        driver.press(.character("E"), .character("a"), .right)
        driver.press(.tab)
        driver.type("10.0.0.0/9")
        driver.press(.tab, .tab)
        driver.type("lab subnet")
        driver.press(.tab)
        driver.type("7d")
        let typed = try #require(driver.form, "the exception form should be open")
        driver.press(.enter)
        let confirmation = try #require(driver.confirmation, "a broad scope must be confirmed")
        #expect(confirmation.lines == ["source.ip is 10.0.0.0/9 would silence the rule for half of 10.0.0.0/8 "
            + "(8,388,608 internal sources)"])
        driver.press(.character("n"))
        #expect(driver.state.overlay == .form(typed))
        #expect(typed.text("Source") == "10.0.0.0/9" && typed.text("Comment") == "lab subnet" && typed.text("Expires") == "7d")
        #expect(driver.repository.exceptionCalls.isEmpty)
        driver.press(.escape)
        #expect(driver.state.overlay == nil)
    }

    @Test("an exception for one internal source host asks first and says why")
    func singleHostNeedsConfirmation() throws {
        var driver = StateDriver()
        driver.press(.enter, .tab, .enter, .character("e"))
        driver.press(.right, .right, .right)
        driver.press(.tab)
        driver.type("printer reinstalled")
        driver.press(.enter)
        let confirmation = try #require(driver.confirmation, "a host scope must be confirmed")
        #expect(confirmation.title == "This exception silences one internal host. Add it anyway?")
        #expect(confirmation.lines.first?.contains("every future alert of the internal host") == true)
        #expect(confirmation.lines.first?.contains("even if that host is the compromised one") == true)
        driver.press(.character("y"))
        let call = try #require(driver.repository.exceptionCalls.last)
        #expect(call.item.entries.map(\.field) == ["source.ip"])
    }

    @Test("a new expiry that brings a broad expired exception back shows the breadth warning")
    func reactivationIsGuarded() throws {
        var fixture = Fixture.standard()
        fixture.exceptions[1].item.entries = ExceptionScope.source(try IPPrefix(parsing: "10.0.0.0/9")).entries
        var driver = StateDriver(fixture: fixture)
        // The lab exception, created first, is listed first (oldest first).
        driver.press(.character("E"), .enter, .tab)
        for _ in "2026-11-01T12:00:00Z" { driver.press(.backspace) }
        driver.type("7d")
        driver.press(.enter)
        let confirmation = try #require(driver.confirmation, "saving asks first")
        #expect(confirmation.lines.contains { $0.contains("would silence the rule for half of 10.0.0.0/8") }, "\(confirmation.lines)")
        driver.press(.character("n"))
        for _ in "7d" { driver.press(.backspace) }
        driver.type("2026-11-02")
        driver.press(.enter)
        #expect(driver.form?.error == "expiry 2026-11-02 is in the past")
    }

    @Test("the exceptions screen marks an active exception that has suppressed nothing for 30 days stale")
    func staleExceptions() {
        var fixture = Fixture.standard()
        fixture.exceptions[0].item.createdAt = Fixture.now.addingTimeInterval(-40 * 86_400)
        fixture.exceptions[0].lastSuppressedAt = Fixture.now.addingTimeInterval(-31 * 86_400)
        var driver = StateDriver(fixture: fixture)
        driver.press(.character("E"))
        let text = driver.screen(color: false).text()
        #expect(text.contains("◐ stale") && text.contains("○ expired") && !text.contains("● active"))
        fixture.exceptions[0].lastSuppressedAt = Fixture.now.addingTimeInterval(-29 * 86_400)
        var recent = StateDriver(fixture: fixture)
        recent.press(.character("E"))
        #expect(recent.screen(color: false).text().contains("● active"))
    }

    @Test("the breadth warning counts the stored exceptions, loaded when the form opens from an alert")
    func guardCountsStoredExceptions() throws {
        var driver = StateDriver()
        driver.press(.enter, .tab, .enter, .character("e"))
        #expect(driver.lastEffects == [.countOpenAlerts(.destination(try IPPrefix(parsing: "20.60.1.2"))), .loadExceptions])
        #expect(driver.state.exceptions.isLoaded)
        driver.press(.escape, .character("E"), .character("a"), .tab, .tab)
        driver.type("21.0.0.0/8")
        driver.press(.tab)
        driver.type("x")
        driver.press(.enter)
        let confirmation = try #require(driver.confirmation, "a broad scope must be confirmed")
        // 21.0.0.0/8 with the fixture's 20.60.0.0/16.
        #expect(confirmation.lines.first?.hasSuffix("together with the active exceptions already in place, "
            + "for 16,842,752 Internet destinations (0.39% of IPv4)") == true, "\(confirmation.lines)")
    }

    @Test("A on the hosts list acknowledges all of the host's open alerts after a yes")
    func acknowledgeHost() {
        var driver = StateDriver()
        driver.press(.character("A"))
        guard case .confirm(let confirmation) = driver.state.overlay else {
            Issue.record("A must be confirmed")
            return
        }
        #expect(confirmation.effects == [.setHostStatus(Fixture.finance, .acknowledged, reason: nil)])
        driver.press(.character("y"))
        #expect(driver.repository.statusCalls.last?.written.sorted() == [1, 2])
        #expect(driver.state.message == .success("acknowledged 2 alerts"))
    }

    @Test("the filter (F) applies as it is typed and Esc clears it")
    func liveFilter() {
        var driver = StateDriver()
        driver.press(.character("a"), .character("F"))
        driver.type("192")
        #expect(driver.state.hosts.filter.text == "192")
        #expect(driver.state.hosts.list.rows.map(\.address) == [Fixture.printer])
        driver.press(.escape)
        #expect(driver.state.hosts.filter.text == "")
        #expect(driver.state.hosts.list.rows.count == 3)
    }

    @Test("the list opens on the hosts that need attention and says so; a shows all hosts, Esc goes back to attention")
    func attentionFirst() {
        var driver = StateDriver()
        func title() -> String { String(driver.screen().text().prefix { $0 != "\n" }) }
        #expect(driver.state.hosts.filter == HostsState.attention)
        #expect(driver.state.hosts.list.rows.map(\.address) == [Fixture.finance, Fixture.printer])
        #expect(title().contains("needs attention"))
        driver.press(.character("a"))
        #expect(driver.state.hosts.filter.status == nil)
        #expect(driver.state.hosts.list.rows.count == 3)
        #expect(title().contains("all hosts"))
        driver.press(.character("a"))
        #expect(driver.state.hosts.filter == HostsState.attention)
        driver.press(.character("a"), .escape)
        #expect(driver.state.hosts.filter == HostsState.attention)
        #expect(driver.state.hosts.list.rows.count == 2)
    }

    @Test("a host whose open case has only acknowledged alerts still needs attention; a resolved one does not")
    func attentionCountsOpenCases() throws {
        var driver = StateDriver()
        let financeAlerts = try driver.repository.alerts(AlertQuery(host: Fixture.finance), offset: 0, limit: 10).rows
        _ = try driver.repository.setStatus(.acknowledged, alertIDs: financeAlerts.map(\.id), reason: nil, actor: "ana")
        driver.press(.ctrl("l"))
        #expect(driver.state.hosts.list.rows.map(\.address) == [Fixture.finance, Fixture.printer])
        #expect(driver.state.hosts.list.rows.first?.openAlerts == 0)
        _ = try driver.repository.setCaseState(of: Fixture.finance, to: .resolved, verdict: .falsePositive, reason: nil, actor: "ana")
        driver.press(.ctrl("l"))
        #expect(driver.state.hosts.list.rows.map(\.address) == [Fixture.printer])
    }

    @Test("s and f cycle the sort and status filter from the first row")
    func sortAndStatusFilter() {
        var driver = StateDriver()
        driver.press(.character("a"), .character("j"), .character("s"))
        #expect(driver.state.hosts.sort == .bytesOut)
        #expect(driver.state.hosts.list.cursor.selected == 0)
        driver.press(.character("f"))
        #expect(driver.state.hosts.filter.status == .open)
        #expect(driver.state.hosts.list.rows.map(\.address) == [Fixture.finance, Fixture.printer])
        driver.press(.character("f"))
        #expect(driver.state.hosts.filter.status == .acknowledged)
        driver.press(.escape)
        #expect(driver.state.hosts.filter == HostsState.attention)
    }

    @Test("commands open screens, sort, and explain mistakes")
    func commands() {
        var driver = StateDriver()
        driver.press(.character(":"))
        driver.type("host 10.1.2.4")
        driver.press(.enter)
        #expect(driver.state.route == .host(Fixture.build))
        driver.press(.character(":"))
        driver.type("sort bytes")
        driver.press(.enter)
        #expect(driver.state.routes == [.hosts])
        #expect(driver.state.hosts.sort == .bytesOut)
        driver.press(.character(":"))
        driver.type("frobnicate")
        driver.press(.enter)
        #expect(driver.state.message?.kind == .error)
        driver.press(.character(":"), .character("q"), .enter)
        #expect(driver.state.quitting)
    }

    @Test("a tick polls the change token; a changed token reloads, an unchanged one does not")
    func changePolling() {
        var driver = StateDriver()
        driver.send(.changeTokenRead(1, reload: false))
        #expect(update(&driver.state, .input(.tick)) == [.pollChangeToken(reload: true)])
        #expect(update(&driver.state, .changeTokenRead(1, reload: true)) == [])
        let effects = update(&driver.state, .changeTokenRead(2, reload: true))
        #expect(effects.count == 2)
        guard case .loadHosts = effects.first, case .loadExecutions = effects.last else {
            Issue.record("a changed token should reload the hosts and the executions (for the cap warning)")
            return
        }
        #expect(driver.state.changeToken == 2)
    }

    @Test("Space in the guide pane ticks the selected step through the repository")
    func guideStep() {
        var driver = StateDriver()
        driver.press(.enter, .tab, .enter, .tab, .tab, .character("j"), .character(" "))
        #expect(driver.state.alert?.pane == .guide)
        #expect(driver.lastEffects == [.setGuideStep(alertID: 3, step: 1, checked: true)])
        #expect(driver.state.alert?.record?.checkedGuideSteps == [1])
    }

    @Test("notes are added from the alert screen")
    func addNote() {
        var driver = StateDriver()
        driver.press(.enter, .tab, .enter, .character("n"))
        driver.type("owner confirmed a backup job")
        driver.press(.enter)
        #expect(driver.state.alert?.notes.map(\.text) == ["owner confirmed a backup job"])
        #expect(driver.state.alert?.notes.first?.author == "tester")
    }

    @Test("history toggles hours and days (reloading the timeline) and flows and bytes (no reload)")
    func historyToggles() {
        var driver = StateDriver()
        driver.press(.character("H"))
        #expect(driver.state.route == .history(Fixture.finance))
        #expect(driver.state.history?.flows.rows.map(\.id) == [4, 3, 2, 1])
        driver.press(.character("t"))
        #expect(driver.lastEffects == [.loadTimeline(Fixture.finance, .day, last: 120)])
        #expect(driver.state.history?.bucket == .day)
        driver.press(.character("b"))
        #expect(driver.lastEffects.isEmpty)
        #expect(driver.state.history?.metric == .bytesOut)
        driver.press(.enter)
        guard case .raw(let record) = driver.state.overlay else {
            Issue.record("Enter on a flow shows no raw record")
            return
        }
        #expect(record.flow == driver.state.history!.flows.rows[0])
        #expect(record.scroll == 0)
    }

    @Test("Enter on a destination filters the host's alerts to it, again clears the filter")
    func destinationFilter() {
        var driver = StateDriver()
        driver.press(.enter, .character("j"), .enter)
        #expect(driver.state.host?.destinationFilter == Fixture.azure)
        #expect(driver.state.host?.pane == .alerts)
        #expect(driver.state.host?.alerts.rows.map(\.id) == [3])
        driver.press(.tab, .enter)
        #expect(driver.state.host?.destinationFilter == nil)
        #expect(driver.state.host?.alerts.rows.count == 2, "alerts 1 and 2 are one connection's row")
    }

    @Test("the raw record is laid out when it opens and again only when the overlay's width changes")
    func rawRecordLayout() throws {
        var fixture = Fixture.standard()
        for index in fixture.flows.indices {
            fixture.flows[index].origin.original = String(repeating: "smb-word ", count: 2_000)
        }
        var driver = StateDriver(width: 80, height: 24, fixture: fixture)
        driver.press(.character("H"), .enter)
        guard case .raw(let opened) = driver.state.overlay else {
            Issue.record("Enter on a flow shows no raw record")
            return
        }
        #expect(opened.width == 76)
        #expect(opened.lines == DisplayText.wrapped(opened.flow.origin.original, to: 76))
        driver.press(.character("j"), .character("j"), .pageDown)
        guard case .raw(let scrolled) = driver.state.overlay else { return }
        #expect(scrolled.scroll == 2 + driver.state.layout.textRows)
        #expect(scrolled.width == 76)
        driver.send(.input(.resize(width: 100, height: 24)))
        guard case .raw(let widened) = driver.state.overlay else { return }
        #expect(widened.width == 96)
        #expect(widened.lines == DisplayText.wrapped(opened.flow.origin.original, to: 96))
        #expect(driver.screen(color: false).text().contains(widened.lines[widened.scroll]))
    }

    @Test("text panes stop scrolling at their end")
    func scrollStops() {
        var driver = StateDriver(width: 80, height: 24)
        driver.press(.character("R"))
        for _ in 0..<500 { driver.press(.character("j")) }
        let limit = driver.state.ruleScreen.scroll
        #expect(limit > 0 && limit < 500)
        driver.press(.character("k"))
        #expect(driver.state.ruleScreen.scroll == limit - 1)
    }

    @Test("expiry accepts durations and dates and refuses the past")
    func expiry() throws {
        let utc = TimeZone(identifier: "UTC")!
        #expect(try Expiry.parse("", now: Fixture.now, timeZone: utc) == nil)
        #expect(try Expiry.parse("12h", now: Fixture.now, timeZone: utc) == Fixture.now.addingTimeInterval(43_200))
        #expect(try Expiry.parse("2026-12-31", now: Fixture.now, timeZone: utc) == Date(timeIntervalSince1970: 1_798_761_600))
        #expect(throws: Expiry.ParseError.inThePast("2020-01-01")) { try Expiry.parse("2020-01-01", now: Fixture.now, timeZone: utc) }
        #expect(throws: Expiry.ParseError.unreadable("soon")) { try Expiry.parse("soon", now: Fixture.now, timeZone: utc) }
        let evening = Date(timeIntervalSince1970: 1_798_740_000) // 2026-12-31T18:00:00Z
        #expect(try Expiry.parse(Expiry.text(for: evening, timeZone: utc), now: Fixture.now, timeZone: utc) == evening)
        #expect(Expiry.text(for: Date(timeIntervalSince1970: 1_798_761_600), timeZone: utc) == "2026-12-31")
    }
}
