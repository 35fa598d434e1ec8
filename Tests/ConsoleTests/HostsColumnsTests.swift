@testable import Console
import Detection
import Foundation
import Testing
import TriageModel

/// Which host columns survive a narrow terminal, and how LAST SEEN reads when every host is equally old.
@Suite("hosts columns")
struct HostsColumnsTests {
    private static let day: TimeInterval = 86_400

    private func host(_ last: Int, risk: Int?, lastSeen: Date) -> HostSummary {
        HostSummary(address: IPAddress("10.0.0.\(last)")!, hostName: "pc-\(last)", openAlerts: 1, acknowledgedAlerts: 0,
                    closedAlerts: 0, externalDestinations: 1, bytesOut: 4_096, firstSeen: lastSeen - Self.day,
                    lastSeen: lastSeen, highestRisk: risk)
    }

    /// The header row and the first host row of the hosts screen showing `hosts` at `width`×`height`.
    private func render(_ hosts: [HostSummary], width: Int, height: Int = 24,
                        sort: HostSort = .attention) -> (header: String, first: String) {
        var driver = StateDriver(width: width, height: height)
        driver.state.hosts.sort = sort
        driver.state.hosts.list.apply(rows: hosts, offset: 0, total: hosts.count, visible: driver.state.layout.hostRows)
        let lines = driver.screen().text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let top = driver.state.layout.bodyTop
        return (lines[top], lines[top + 1])
    }

    @Test("at 60 columns the address, open count, bytes out and last seen stay; the sparkline goes first")
    func narrow() {
        let hosts = [host(1, risk: 73, lastSeen: Fixture.now - 3600), host(2, risk: 21, lastSeen: Fixture.now - 7200)]
        let header = render(hosts, width: 60, height: 15).header
        for title in ["ADDRESS", "OPEN", "BYTES OUT", "LAST SEEN"] { #expect(header.contains(title), "\(title) in \(header)") }
        #expect(!header.contains("ACTIVITY"))
    }

    @Test("a risk column equal on every row is not shown; one that varies is")
    func constantRisk() {
        let varied = [host(1, risk: 73, lastSeen: Fixture.now - 3600), host(2, risk: 21, lastSeen: Fixture.now - 7200)]
        let constant = [host(1, risk: 47, lastSeen: Fixture.now - 3600), host(2, risk: 47, lastSeen: Fixture.now - 7200)]
        #expect(render(varied, width: 200).header.contains("RISK"))
        let header = render(constant, width: 200).header
        #expect(!header.contains("RISK"))
        #expect(header.contains("DESTS"))
    }

    /// IPv6 hosts whose addresses are as wide as an address gets (39 columns), with long hostnames.
    private func ipv6Hosts() -> [HostSummary] {
        (1...3).map { index in
            HostSummary(address: IPAddress("2001:db8:85a3:1234:5678:8a2e:370:733\(index)")!, hostName: "workstation-\(index).corp.example",
                        openAlerts: index, acknowledgedAlerts: 1, closedAlerts: 2, externalDestinations: 4 - index,
                        bytesOut: 4_096 * Int64(index), firstSeen: Fixture.now - Self.day, lastSeen: Fixture.now - Double(index) * 3600,
                        highestRisk: 40 + 10 * index)
        }
    }

    /// At 120 columns every sort's column shows with its arrow; at 80 every one but WHY, which gives
    /// way to the hostname and last seen (the title names the order).
    @Test("with IPv6 hosts the sorted column shows with its arrow, at 120 and 80 columns",
          arguments: [120, 80])
    func sortedColumnStays(width: Int) {
        let titles: [HostSort: String] = [.attention: "WHY", .bytesOut: "BYTES OUT", .lastSeen: "LAST SEEN",
                                          .address: "ADDRESS", .destinations: "DESTS"]
        for sort in HostSort.allCases {
            let (header, row) = render(ipv6Hosts(), width: width, sort: sort)
            let title = titles[sort] ?? ""
            let shows = header.contains(title + " ▼") || header.contains(title + " ▲")
            #expect(shows == (width == 120 || sort != .attention), "\(sort) at \(width): \(header)")
            if width == 80 {
                for kept in ["ADDRESS", "HOSTNAME", "OPEN", "BYTES OUT", "LAST SEEN", "CASE"] {
                    #expect(header.contains(kept), "\(kept) for \(sort) at 80: \(header)")
                }
            }
            // The address is whole, or elided in the middle with … (both of its ends kept), never cut silently.
            let shown = row.split(separator: " ").first { $0.contains("2001:") }.map { String($0.drop { $0 == "›" }) } ?? ""
            #expect(shown == "2001:db8:85a3:1234:5678:8a2e:370:7331" || (shown.hasPrefix("2001:db") && shown.contains("…")
                        && shown.hasSuffix("7331")), "\(sort) at \(width): \(row)")
        }
    }

    @Test("at 80 columns an IPv6 address is elided before the sorted DESTS column goes; at 120 it is whole")
    func addressGivesWay() {
        let narrow = render(ipv6Hosts(), width: 80, sort: .destinations)
        #expect(narrow.header.contains("DESTS ▼"))
        #expect(narrow.first.contains("2001:db…70:7331"), "\(narrow.first)")
        let wide = render(ipv6Hosts(), width: 120, sort: .destinations)
        #expect(wide.header.contains("DESTS ▼"))
        #expect(wide.first.contains("2001:db8:85a3:1234:5678:8a2e:370:7331"), "\(wide.first)")
    }

    @Test("LAST SEEN shows absolute times when the relative ones are all equal")
    func absoluteLastSeen() {
        let sameAge = [host(1, risk: 73, lastSeen: Fixture.now - 5 * Self.day),
                       host(2, risk: 21, lastSeen: Fixture.now - 5 * Self.day - 3600)]
        #expect(render(sameAge, width: 120).first.contains("2026-11-26 12:00"))
        let differentAges = [host(1, risk: 73, lastSeen: Fixture.now - 5 * Self.day),
                             host(2, risk: 21, lastSeen: Fixture.now - 2 * Self.day)]
        #expect(render(differentAges, width: 120).first.contains("5d ago"))
    }
}

/// The sort shows in the column header, and S turns it round.
@Suite("hosts sort")
struct HostsSortTests {
    private func header(_ driver: StateDriver) -> String {
        let lines = driver.screen().text().split(separator: "\n", omittingEmptySubsequences: false)
        return String(lines[driver.state.layout.bodyTop])
    }

    @Test("the sorted column carries ▼ (largest first) or ▲; S reverses the order, s starts the next sort unreversed")
    func reverse() {
        var driver = StateDriver()
        driver.press(.character("a"))
        #expect(header(driver).contains("WHY ▼"))
        let order = driver.state.hosts.list.rows.map(\.address)
        driver.press(.character("S"))
        #expect(driver.lastEffects.contains { effect in
            if case .loadHosts(_, .attention, reversed: true, offset: 0, limit: _) = effect { true } else { false }
        })
        #expect(driver.state.hosts.list.rows.map(\.address) == order.reversed())
        #expect(header(driver).contains("WHY ▲"))
        driver.press(.character("s"))
        #expect(!driver.state.hosts.reversed)
        #expect(header(driver).contains("BYTES OUT ▼"))
    }
}
