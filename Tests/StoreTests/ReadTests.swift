import Detection
import Foundation
import Store
import Testing
import TriageModel

@Suite("Repository reads")
struct ReadTests {
    /// Three hosts: .1 talks to two external and one internal destination, .2 to one external,
    /// .3 only internally. Everything is alerted at `baseTime`.
    private func populated() throws -> StoreFixture {
        let fixture = try StoreFixture()
        let day: TimeInterval = 86400
        try fixture.store.insert([
            smbEvent("10.0.0.1", "8.8.8.8", at: baseTime - 3 * day, bytesOut: 1000, line: 1, hostName: "ws-one"),
            smbEvent("10.0.0.1", "8.8.8.8", port: 139, at: baseTime - 2 * day, bytesOut: 500, line: 2),
            smbEvent("10.0.0.1", "1.1.1.1", at: baseTime - 3600, bytesOut: 10, line: 3),
            smbEvent("10.0.0.1", "10.9.9.9", at: baseTime - 60, bytesOut: 99_999, line: 4),
            smbEvent("10.0.0.2", "9.9.9.9", at: baseTime - 30, bytesOut: 5000, line: 5, hostName: "db-two"),
            smbEvent("10.0.0.3", "192.168.5.5", at: baseTime - 10, bytesOut: 7, line: 6),
        ], ingestedAt: baseTime)
        try fixture.store.runExecution(at: baseTime)
        return fixture
    }

    @Test(arguments: HostSort.allCases)
    func everyHostPageIsTheMatchingSliceOfTheWholeList(sort: HostSort) throws {
        let fixture = try StoreFixture()
        // 23 hosts with ties in every sort key: only the address breaks them.
        let events = (0..<23).map { index in
            smbEvent("10.0.\(index % 3).\(index + 1)", index % 2 == 0 ? "8.8.8.8" : "10.9.9.9",
                     at: baseTime - Double(index % 4) * 60, bytesOut: Int64(index % 5) * 100, line: index)
        }
        try fixture.store.insert(events, ingestedAt: baseTime)
        try fixture.store.runExecution(at: baseTime)
        let whole = try fixture.store.hosts(filter: HostFilter(), sort: sort, offset: 0, limit: 100)
        #expect(whole.total == 23 && whole.rows.count == 23)
        for offset in 0...24 {
            let page = try fixture.store.hosts(filter: HostFilter(), sort: sort, offset: offset, limit: 5)
            #expect(page.total == 23)
            #expect(page.rows.map(\.address) == whole.rows.dropFirst(offset).prefix(5).map(\.address),
                    "offset \(offset)")
            let reversedPage = try fixture.store.hosts(filter: HostFilter(), sort: sort, reversed: true, offset: offset, limit: 5)
            #expect(reversedPage.total == 23)
            #expect(reversedPage.rows.map(\.address) == whole.rows.reversed().dropFirst(offset).prefix(5).map(\.address),
                    "reversed, offset \(offset)")
        }
    }

    @Test func hostAggregatesCountExternalDestinationsAndBytesOut() throws {
        let fixture = try populated()
        let hosts = try fixture.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 10).rows
        #expect(hosts.map(\.address.description) == ["10.0.0.1", "10.0.0.2", "10.0.0.3"])
        #expect(hosts.map(\.hostName) == ["ws-one", "db-two", nil])
        #expect(hosts.map(\.externalDestinations) == [2, 1, 0])
        #expect(hosts.map(\.bytesOut) == [1510, 5000, 0])
        #expect(hosts.map(\.openAlerts) == [3, 1, 0])
        #expect(hosts.map(\.highestRisk) == [73, 73, nil])
        #expect(hosts[0].firstSeen == baseTime - 3 * 86400)
        #expect(hosts[0].lastSeen == baseTime - 60)
    }

    @Test func oneHostIsItsRowOfTheListOrNilForAnAddressNotStored() throws {
        let fixture = try populated()
        let listed = try fixture.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 10).rows
        for row in listed {
            #expect(try fixture.store.host(row.address) == row)
        }
        #expect(try fixture.store.host(IPAddress("10.99.0.1")!) == nil)
        #expect(try fixture.store.host(IPAddress("8.8.8.8")!) == nil)
    }

    @Test func hostsAreFoundByHostnameIgnoringCase() throws {
        let fixture = try populated()
        try fixture.store.insert([
            smbEvent("10.0.0.9", "8.8.4.4", at: baseTime, line: 7, hostName: "DB-TWO"),
            smbEvent("10.0.0.10", "8.8.4.4", at: baseTime, line: 8, hostName: "WS-113.corp.example"),
            smbEvent("10.0.0.11", "8.8.4.4", at: baseTime, line: 9, hostName: "ws-113"),
            smbEvent("10.0.0.12", "8.8.4.4", at: baseTime, line: 10, hostName: "WS-200.corp.example"),
        ], ingestedAt: baseTime)
        #expect(try fixture.store.hostAddresses(named: "WS-One").map(\.description) == ["10.0.0.1"])
        #expect(try fixture.store.hostAddresses(named: "db-two").map(\.description) == ["10.0.0.2", "10.0.0.9"])
        #expect(try fixture.store.hostAddresses(named: "ws").isEmpty)
        #expect(try fixture.store.hostAddresses(named: "ws-200").map(\.description) == ["10.0.0.12"])
        #expect(try fixture.store.hostAddresses(named: "WS-113").map(\.description) == ["10.0.0.11"])
        #expect(try fixture.store.hostAddresses(named: "ws-113.corp.example").map(\.description) == ["10.0.0.10"])
        #expect(try fixture.store.hostAddresses(named: "corp").isEmpty)
        #expect(try fixture.store.hostAddresses(named: "' OR 1=1 --").isEmpty)
    }

    @Test func alertsStreamInTheListingsOrderUpToTheLimit() throws {
        let fixture = try populated()
        let page = try fixture.store.alerts(AlertQuery(), offset: 0, limit: 100).rows
        var streamed: [Int64] = []
        #expect(try fixture.store.forEachAlert(AlertQuery(), limit: nil) { streamed.append($0.id) } == page.count)
        #expect(streamed == page.map(\.id))
        streamed = []
        let host = try IPAddress(parsing: "10.0.0.1")
        #expect(try fixture.store.forEachAlert(AlertQuery(host: host), limit: 2) { streamed.append($0.id) } == 2)
        #expect(streamed == page.filter { $0.flow.event.sourceIPs == [host] }.prefix(2).map(\.id))
    }

    @Test func notesOfAHostAndAuditEntriesNameTheirAlerts() throws {
        let fixture = try populated()
        let alerts = try fixture.store.alerts(AlertQuery(), offset: 0, limit: 10).rows
        let first = try #require(alerts.first { $0.flow.event.sourceIPs.first?.description == "10.0.0.1" })
        let other = try #require(alerts.first { $0.flow.event.sourceIPs.first?.description == "10.0.0.2" })
        try fixture.store.addNote(alertID: first.id, text: "one", actor: "a")
        try fixture.store.addNote(alertID: other.id, text: "two", actor: "a")
        try fixture.store.setStatus(.acknowledged, alertIDs: [first.id], reason: nil, actor: "a")
        let host = try IPAddress(parsing: "10.0.0.1")
        #expect(try fixture.store.notes(of: host).map(\.text) == ["one"])
        let audit = try fixture.store.audit(limit: 10)
        #expect(audit.map(\.alertID) == [first.id, other.id, first.id])
        #expect(audit.map { $0.host?.description } == ["10.0.0.1", "10.0.0.2", "10.0.0.1"])
    }

    @Test func hostsSortFilterAndPage() throws {
        let fixture = try populated()
        func addresses(_ sort: HostSort, _ filter: HostFilter = HostFilter(), offset: Int = 0, limit: Int = 10) throws -> [String] {
            try fixture.store.hosts(filter: filter, sort: sort, offset: offset, limit: limit).rows.map(\.address.description)
        }
        #expect(try addresses(.attention) == ["10.0.0.1", "10.0.0.2", "10.0.0.3"])
        #expect(try addresses(.bytesOut) == ["10.0.0.2", "10.0.0.1", "10.0.0.3"])
        #expect(try addresses(.lastSeen) == ["10.0.0.3", "10.0.0.2", "10.0.0.1"])
        #expect(try addresses(.destinations) == ["10.0.0.1", "10.0.0.2", "10.0.0.3"])
        #expect(try addresses(.address, offset: 1, limit: 1) == ["10.0.0.2"])
        #expect(try fixture.store.hosts(filter: HostFilter(), sort: .address, offset: 1, limit: 1).total == 3)
        #expect(try addresses(.address, HostFilter(text: "DB-")) == ["10.0.0.2"])
        #expect(try addresses(.address, HostFilter(text: "0.0.3")) == ["10.0.0.3"])
        #expect(try fixture.store.hosts(filter: HostFilter(text: "0.0."), sort: .address, offset: 0, limit: 1).total == 3)
        #expect(try addresses(.address, HostFilter(status: .open)) == ["10.0.0.1", "10.0.0.2"])

        let alert = try #require(try fixture.store.alerts(AlertQuery(host: IPAddress("10.0.0.2")!), offset: 0, limit: 1).rows.first)
        try fixture.store.setStatus(.closed, alertIDs: [alert.id], reason: "backup service", actor: "ana")
        #expect(try addresses(.attention) == ["10.0.0.1", "10.0.0.2", "10.0.0.3"])
        #expect(try addresses(.address, HostFilter(status: .open)) == ["10.0.0.1"])
        #expect(try addresses(.address, HostFilter(status: .closed)) == ["10.0.0.2"])
    }

    @Test func destinationsShowPortsTrafficNoveltyAndAlertStates() throws {
        let fixture = try populated()
        let host = IPAddress("10.0.0.1")!
        let alerts = try fixture.store.alerts(AlertQuery(host: host, destination: IPAddress("8.8.8.8")!), offset: 0, limit: 10)
        #expect(alerts.total == 2)
        try fixture.store.setStatus(.acknowledged, alertIDs: [alerts.rows[0].id], reason: nil, actor: "ana")

        let destinations = try fixture.store.destinations(of: host)
        #expect(destinations.map(\.address.description) == ["10.9.9.9", "1.1.1.1", "8.8.8.8"])
        let google = try #require(destinations.last)
        #expect(google.ports == [139, 445])
        #expect(google.connections == 2)
        #expect(google.bytesSent == 1500)
        #expect(google.bytesReceived == 100)
        #expect(google.isExternal)
        #expect(!google.isNewForHost)
        #expect((google.openAlerts, google.acknowledgedAlerts, google.closedAlerts) == (1, 1, 0))
        #expect(destinations.map(\.isExternal) == [false, true, true])
        // New: external and first contacted an hour or more after the host's first activity (the
        // ranking's rule), so never the internal file server, nor the host's first destination.
        #expect(destinations.map(\.isNewForHost) == [false, true, false])
    }

    @Test func alertsFilterByStatusHostDestinationAndTimeNewestFirst() throws {
        let fixture = try populated()
        let all = try fixture.store.alerts(AlertQuery(), offset: 0, limit: 10)
        #expect(all.total == 4)
        #expect(all.rows.map(\.flow.origin.line) == [5, 3, 2, 1])
        let page = try fixture.store.alerts(AlertQuery(), offset: 1, limit: 2)
        #expect(page.rows.map(\.flow.origin.line) == [3, 2])
        #expect(page.total == 4)
        #expect(try fixture.store.alerts(AlertQuery(since: baseTime - 3600), offset: 0, limit: 10).rows
            .map(\.flow.origin.line) == [5, 3])
        try fixture.store.setStatus(.closed, alertIDs: [all.rows[0].id], reason: "known", actor: "ana")
        #expect(try fixture.store.alerts(AlertQuery(status: .closed), offset: 0, limit: 10).rows.map(\.id) == [all.rows[0].id])
        #expect(try fixture.store.alerts(AlertQuery(status: .open, host: IPAddress("10.0.0.1")!), offset: 0, limit: 10).total == 3)
        #expect(all.rows.map(\.flow.isFirstSeenDestination) == [true, true, false, true])
    }

    @Test func historyListsEveryFlowNewestFirstWithFirstSeenFlags() throws {
        let fixture = try populated()
        let host = IPAddress("10.0.0.1")!
        let history = try fixture.store.history(of: host, offset: 0, limit: 10)
        #expect(history.total == 4)
        #expect(history.rows.map(\.origin.line) == [4, 3, 2, 1])
        #expect(history.rows.map(\.isFirstSeenDestination) == [true, true, false, true])
        #expect(try fixture.store.history(of: host, offset: 3, limit: 10).rows.map(\.origin.line) == [1])
        #expect(try fixture.store.history(of: IPAddress("10.7.7.7")!, offset: 0, limit: 10).total == 0)
    }

    @Test func aSearchFindsItsHostsAcrossTheWholeListInTheListsOrder() throws {
        let fixture = try populated()
        func positions(_ text: String, _ filter: HostFilter = HostFilter(), reversed: Bool = false) throws -> [Int] {
            try fixture.store.hostPositions(matching: text, filter: filter, sort: .address, reversed: reversed)
        }
        #expect(try positions("10.0.0") == [0, 1, 2])
        #expect(try positions("DB-TWO") == [1])
        #expect(try positions("one") == [0])
        #expect(try positions("one", reversed: true) == [2])
        #expect(try positions("two", HostFilter(status: .open)) == [1])
        #expect(try positions("%").isEmpty && positions("_").isEmpty && positions("").isEmpty)
        let ranked = try fixture.store.hosts(filter: HostFilter(), sort: .attention, offset: 0, limit: 10).rows
        #expect(try fixture.store.hostPositions(matching: "db-two", filter: HostFilter(), sort: .attention, reversed: false)
            == [ranked.firstIndex { $0.hostName == "db-two" }!])
    }

    @Test func historyReversedPagesOldestFirstFromTheStore() throws {
        let fixture = try populated()
        let host = IPAddress("10.0.0.1")!
        let reversed = try fixture.store.history(of: host, reversed: true, offset: 0, limit: 2)
        #expect(reversed.total == 4)
        #expect(reversed.rows.map(\.origin.line) == [1, 2])
        #expect(try fixture.store.history(of: host, reversed: true, offset: 3, limit: 10).rows.map(\.origin.line) == [4])
    }

    @Test func theOpenAlertsAnExceptionWouldCloseAreCountedBeforeItIsAdded() throws {
        let fixture = try populated()
        func count(_ scope: ExceptionScope) throws -> Int { try fixture.store.openAlertCount(in: scope) }
        let google = ExceptionScope.destination(try IPPrefix(parsing: "8.8.8.8"))
        #expect(try count(google) == 2)
        #expect(try count(.destination(try IPPrefix(parsing: "0.0.0.0/0"))) == 4)
        #expect(try count(.source(try IPPrefix(parsing: "10.0.0.1"))) == 3)
        #expect(try count(.pair(source: try IPPrefix(parsing: "10.0.0.0/24"), destination: try IPPrefix(parsing: "9.9.9.0/24"))) == 1)
        #expect(try count(.pair(source: try IPPrefix(parsing: "10.0.0.2"), destination: try IPPrefix(parsing: "8.8.8.8"))) == 0)
        #expect(try count(.destination(try IPPrefix(parsing: "2001:db8::/32"))) == 0)
        let first = try fixture.store.alerts(AlertQuery(destination: IPAddress("8.8.8.8")!), offset: 0, limit: 1).rows[0]
        try fixture.store.setStatus(.acknowledged, alertIDs: [first.id], reason: nil, actor: "ana")
        #expect(try count(google) == 1)
        let item = ExceptionItem(id: "dns", scope: google, comment: "resolver", author: "ana", createdAt: baseTime)
        #expect(try fixture.store.addException(item, closeMatching: true, actor: "ana").closedAlertIDs.count == 1)
        #expect(try count(google) == 0)
    }

    @Test func timelineAndActivityBucketTheHostsFlows() throws {
        let fixture = try populated()
        let host = IPAddress("10.0.0.1")!
        let days = try fixture.store.wholeTimeline(of: host, bucket: .day)
        #expect(days.map(\.flows).reduce(0, +) == 4)
        #expect(days.map(\.externalFlows).reduce(0, +) == 3)
        #expect(days.map(\.bytesOut).reduce(0, +) == 1510)
        #expect(days.map(\.start) == days.map(\.start).sorted())
        #expect(days.allSatisfy { $0.start.timeIntervalSince1970.truncatingRemainder(dividingBy: 86400) == 0 })
        let activity = try fixture.store.hostActivity(host, bucket: .day, buckets: 5)
        #expect(activity.count == 5)
        #expect(activity.reduce(0, +) == 4)
        #expect(activity.last! >= 1)
        #expect(try fixture.store.hostActivity(IPAddress("10.7.7.7")!, bucket: .hour, buckets: 3) == [0, 0, 0])
    }

    @Test func notesGuideStepsAndStatusChangesAreAudited() throws {
        let fixture = try populated()
        let alert = try #require(try fixture.store.alerts(AlertQuery(), offset: 0, limit: 1).rows.first)
        let note = try fixture.store.addNote(alertID: alert.id, text: "called the owner", actor: "ana")
        #expect(try fixture.store.notes(alertID: alert.id) == [note])
        try fixture.store.setGuideStep(alertID: alert.id, step: 0, checked: true, actor: "ana")
        try fixture.store.setGuideStep(alertID: alert.id, step: 2, checked: true, actor: "ana")
        try fixture.store.setGuideStep(alertID: alert.id, step: 2, checked: true, actor: "ana")
        try fixture.store.setGuideStep(alertID: alert.id, step: 0, checked: false, actor: "ana")
        #expect(try fixture.store.setStatus(.acknowledged, alertIDs: [alert.id], reason: nil, actor: "bo") == 1)
        #expect(try fixture.store.setStatus(.acknowledged, alertIDs: [alert.id, 9999], reason: nil, actor: "bo") == 0)
        #expect(try fixture.store.setStatus(.closed, alertIDs: [alert.id], reason: "benign", actor: "bo") == 1)

        let reread = try #require(try fixture.store.alert(id: alert.id))
        #expect(reread.checkedGuideSteps == [2])
        #expect(reread.noteCount == 1)
        #expect(reread.status == .closed)
        #expect(reread.closeReason == "benign")

        let audit = try fixture.store.audit(limit: 10)
        #expect(audit.map(\.action) == ["alert.close", "alert.acknowledge", "case.uncheck", "case.check",
                                        "case.check", "note.add"])
        #expect(audit.map(\.actor) == ["bo", "bo", "ana", "ana", "ana", "ana"])
        // Guide steps are ticked on the case of the alert's host.
        #expect(audit.map(\.target) == [alert.uuid, alert.uuid, "\(alert.flow.event.sourceIPs[0])",
                                        "\(alert.flow.event.sourceIPs[0])", "\(alert.flow.event.sourceIPs[0])", alert.uuid])
        #expect(Set(audit.map(\.host)) == [alert.flow.event.sourceIPs[0]])
        #expect(audit[0].detail == "acknowledged → closed: benign")
        #expect(throws: StoreError.notFound("alert 9999")) {
            try fixture.store.addNote(alertID: 9999, text: "x", actor: "ana")
        }
    }

    @Test func exceptionsAreAddedUpdatedRemovedAndAudited() throws {
        let fixture = try StoreFixture()
        var item = ExceptionItem(id: "backup", scope: .pair(source: try IPPrefix(parsing: "10.0.0.9"),
                                                            destination: try IPPrefix(parsing: "52.1.0.0/16")),
                                 comment: "offsite backup", author: "ana", createdAt: baseTime)
        _ = try fixture.store.addException(item, closeMatching: false, actor: "ana")
        #expect(throws: StoreError.duplicateException(id: "backup")) {
            try fixture.store.addException(item, closeMatching: false, actor: "ana")
        }
        item.expiresAt = baseTime + 86400
        item.entries.append(ExceptionEntry(field: "destination.port", operator: .excluded, value: .matchAny(["139"])))
        try fixture.store.updateException(item, actor: "bo")
        #expect(try fixture.store.exceptions() == [ExceptionRecord(item: item, suppressedEvents: 0)])
        try fixture.store.removeException(id: "backup", actor: "bo")
        #expect(try fixture.store.exceptions().isEmpty)
        #expect(throws: StoreError.notFound("exception backup")) {
            try fixture.store.removeException(id: "backup", actor: "bo")
        }
        let audit = try fixture.store.audit(limit: 10)
        #expect(audit.map(\.action) == ["exception.remove", "exception.update", "exception.add"])
        #expect(audit[1].detail.contains("not destination.port: (139)"))

        let imported = try fixture.store.importExceptions([item, ExceptionItem(
            id: "lab", scope: .source(try IPPrefix(parsing: "10.50.0.0/16")), comment: "lab", author: "cy",
            createdAt: baseTime)], actor: "cy")
        #expect(imported == 2)
        #expect(try fixture.store.exceptions().map(\.id) == ["backup", "lab"])
    }

    @Test func anImportWithAnItemTheDetectorCannotUseStoresNothing() throws {
        let fixture = try StoreFixture()
        let good = ExceptionItem(id: "good", scope: .destination(try IPPrefix(parsing: "52.1.0.0/16")),
                                 comment: "ok", author: "ana", createdAt: baseTime)
        let bad = ExceptionItem(id: "bad", name: "bad", comment: "", author: "ana", createdAt: baseTime,
                                entries: [ExceptionEntry(field: "destination.ip", value: .match("not-an-address"))])
        let error = try #require(throws: ExceptionCompileError.self) {
            try fixture.store.importExceptions([good, bad], actor: "ana")
        }
        #expect(error.itemID == "bad")
        #expect(try fixture.store.exceptions().isEmpty)
        #expect(try fixture.store.audit(limit: 10).isEmpty)
    }
}
