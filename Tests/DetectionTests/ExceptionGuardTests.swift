import Foundation
import Testing
@testable import Detection

/// The exception guard against the bundled rule: which items it flags, alone and with the items
/// already in place, and how its messages name what they would silence.
@Suite struct ExceptionGuardTests {
    private let now = Date(timeIntervalSince1970: 1_790_000_000)

    private func item(_ scope: ExceptionScope, expires: Date? = nil) -> ExceptionItem {
        ExceptionItem(scope: scope, comment: "c", author: "a", createdAt: now, expiresAt: expires)
    }

    private func source(_ text: String) throws -> ExceptionItem { item(.source(try IPPrefix(parsing: text))) }
    private func destination(_ text: String) throws -> ExceptionItem { item(.destination(try IPPrefix(parsing: text))) }
    private func pair(_ from: String, _ to: String) throws -> ExceptionItem {
        item(.pair(source: try IPPrefix(parsing: from), destination: try IPPrefix(parsing: to)))
    }

    private func kinds(_ item: ExceptionItem, existing: [ExceptionItem] = []) -> [ExceptionConcern.Kind] {
        ExceptionGuard(rule: EventFixtures.bundledRule, existing: existing, now: now).concerns(about: item).map(\.kind)
    }

    private func message(_ item: ExceptionItem, existing: [ExceptionItem] = []) -> String {
        ExceptionGuard(rule: EventFixtures.bundledRule, existing: existing, now: now).concerns(about: item)
            .map(\.message).joined(separator: " | ")
    }

    @Test("truth table: each item alone, against an empty store", arguments: [
        ("src", "10.0.0.0/9", [ExceptionConcern.Kind.broad]),
        ("src", "172.16.0.0/13", [.broad]),
        ("src", "192.168.0.0/17", [.broad]),
        ("src", "192.168.0.0/18", [.broad]),          // a quarter of 192.168.0.0/16
        ("src", "192.168.0.0/19", []),
        ("src", "10.0.0.0/15", [.broad]),             // 131,072 sources: more than a /16 holds
        ("src", "10.1.0.0/16", []),
        ("src", "10.0.0.0/8", [.broad]),
        ("src", "0.0.0.0/0", [.broad]),
        ("src", "100.64.0.0/10", []),                  // no source there qualifies
        ("src", "10.1.2.3", [.singleInternalHost]),
        ("src", "100.64.1.2", []),                     // not an internal source of the rule
        ("src", "10.1.2.0/31", []),
        ("dst", "0.0.0.0/0", [.broad]),
        ("dst", "::/0", [.broad]),
        ("dst", "1.0.0.0/8", [.broad]),
        ("dst", "0.0.0.0/8", [.broad]),
        ("dst", "20.0.0.0/15", [.broad]),
        ("dst", "20.60.0.0/16", []),
        ("dst", "10.0.0.0/8", []),                     // excluded by the rule: silences nothing
        ("dst", "2001:db8::/31", [.broad]),
        ("dst", "2001:db8::/32", []),
    ])
    func alone(axis: String, prefix: String, expected: [ExceptionConcern.Kind]) throws {
        let candidate = axis == "src" ? try source(prefix) : try destination(prefix)
        #expect(kinds(candidate) == expected, "\(axis) \(prefix): \(message(candidate))")
    }

    @Test("truth table: pairs are judged along the axis they span more of", arguments: [
        ("10.0.0.0/8", "20.60.0.0/16", [ExceptionConcern.Kind]()),  // most sources, one /16
        ("10.0.0.0/8", "20.0.0.0/8", [.broad]),
        ("10.0.0.0/8", "0.0.0.0/1", [.broad]),
        ("10.1.0.0/16", "0.0.0.0/1", []),             // narrower than source 10.1.0.0/16
        ("10.0.0.0/9", "8.8.8.8", []),
        ("10.1.2.3", "8.8.8.8", []),
        ("10.1.2.3", "0.0.0.0/0", [.singleInternalHost]),
    ])
    func pairs(from: String, to: String, expected: [ExceptionConcern.Kind]) throws {
        let candidate = try pair(from, to)
        #expect(kinds(candidate) == expected, "\(from) → \(to): \(message(candidate))")
    }

    @Test("sources add up across items: the item that takes them over a limit is caught")
    func sourcesAddUp() throws {
        // Two /13s of 10.0.0.0/8 hold 1,048,576 sources, the limit for all items; one more goes over it.
        let eighths = [try source("10.0.0.0/13"), try source("10.8.0.0/13")]
        #expect(try kinds(source("10.16.0.0/24"), existing: [eighths[0]]) == [])
        #expect(try kinds(source("10.16.0.0/24"), existing: eighths) == [.broad])
        #expect(try message(source("10.16.0.0/24"), existing: eighths).contains("more than a /12 holds"))
        // /19 + /19 in 192.168.0.0/16 make a quarter of it: the second crosses the limit.
        let lower = try source("192.168.0.0/19"), upper = try source("192.168.32.0/19")
        #expect(kinds(upper) == [])
        #expect(kinds(upper, existing: [lower]) == [.broad])
        #expect(message(upper, existing: [lower]).contains("together with the active exceptions already in place"))
        #expect(message(upper, existing: [lower]).contains("1/4 of 192.168.0.0/16 (16,384 internal sources)"))
    }

    @Test("two /9s silence all of 10.0.0.0/8: the second says so")
    func twoHalvesOfTenSlashEight() throws {
        let second = try message(source("10.128.0.0/9"), existing: [source("10.0.0.0/9")])
        #expect(second.contains("half of 10.0.0.0/8"))
        #expect(second.contains("together with the active exceptions already in place, for all of 10.0.0.0/8"))
    }

    @Test("destinations add up across items, a pair inside a destination item adds nothing")
    func destinationsAddUp() throws {
        let azure = try destination("20.60.0.0/16")
        #expect(try kinds(destination("20.61.0.0/16"), existing: [azure]) == [])
        let eighths = [try destination("20.0.0.0/13"), try destination("20.8.0.0/13")]
        #expect(try kinds(destination("20.16.0.0/24"), existing: eighths) == [.broad])
        #expect(try message(destination("20.16.0.0/24"), existing: eighths).contains("1,048,832 Internet destinations"))
        // At the limit exactly, a pair inside the destinations already silenced adds nothing.
        #expect(try kinds(pair("10.0.0.0/8", "20.0.0.0/16"), existing: eighths) == [])
        // A destination item added after a pair takes the pair's addresses out of the sum: 94% of
        // the sources to 20.0.0.0/12 weigh 986,814 destinations; 20.0.0.0/13 for every source takes
        // half of them out, 1,017,695 in all, so one more /24 stays under 1,048,576.
        var exceptionGuard = ExceptionGuard(rule: EventFixtures.bundledRule, existing: [try pair("10.0.0.0/8", "20.0.0.0/12")],
                                            now: now)
        exceptionGuard.admit(try destination("20.0.0.0/13"))
        #expect(try exceptionGuard.concerns(about: destination("20.70.0.0/24")).isEmpty)
        #expect(try exceptionGuard.concerns(about: destination("20.70.0.0/16")).map(\.kind) == [.broad])
    }

    @Test("over a limit the items in place already exceed, a small item passes; a broad one does not")
    func crossingOnce() throws {
        let forced = try source("10.0.0.0/9")
        #expect(try kinds(source("10.200.0.0/24"), existing: [forced]) == [])
        #expect(try kinds(source("10.128.0.0/9"), existing: [forced]) == [.broad])
        // Each source block crosses its share on its own: 10.0.0.0/8 over it does not hide 192.168.0.0/16.
        #expect(try kinds(source("192.168.32.0/19"), existing: [forced, source("192.168.0.0/19")]) == [.broad])
    }

    @Test("expired items in place do not count; an expired candidate is flagged")
    func expiry() throws {
        let expired = item(.source(try IPPrefix(parsing: "192.168.0.0/19")), expires: now.addingTimeInterval(-1))
        #expect(try kinds(source("192.168.32.0/19"), existing: [expired]) == [])
        #expect(kinds(expired) == [.expired])
        #expect(message(expired).contains("would never apply"))
        #expect(kinds(item(.destination(try IPPrefix(parsing: "8.8.8.8")), expires: now.addingTimeInterval(60))) == [])
    }

    @Test("messages name the space: all internal sources, reserved blocks, shares of IPv4")
    func messages() throws {
        #expect(try message(source("0.0.0.0/0")).contains("all internal sources (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)"))
        let thisNetwork = message(try destination("0.0.0.0/8"))
        #expect(thisNetwork.contains("all in 0.0.0.0/8 (\"This network\", RFC 791): reserved space, not the Internet"))
        #expect(!thisNetwork.contains("Internet destinations"))
        #expect(try message(destination("1.0.0.0/8")).contains("16,777,216 Internet destinations (1/256 of IPv4)"))
        #expect(try message(destination("::/0")).contains("the whole IPv4 Internet"))
        #expect(try message(destination("2001:db8::/16")).contains("1/65,536 of IPv6"))
        #expect(try message(source("10.0.0.0/9")).contains("half of 10.0.0.0/8 (8,388,608 internal sources)"))
        #expect(try message(source("10.1.2.3")).contains("every future alert of the internal host 10.1.2.3"))
    }

    @Test("imported items: other fields are not counted, excluded entries count what they leave")
    func importedShapes() {
        let portOnly = ExceptionItem(id: "p", name: "p", comment: "", author: "", createdAt: now,
                                     entries: [ExceptionEntry(field: "destination.port", value: .match("445"))])
        #expect(kinds(portOnly) == [.broad])
        #expect(message(portOnly).contains("its conditions on destination.port are not counted"))
        let allButOne = ExceptionItem(id: "x", name: "x", comment: "", author: "", createdAt: now,
                                      entries: [ExceptionEntry(field: "destination.ip", operator: .excluded,
                                                               value: .match("8.8.8.8"))])
        #expect(kinds(allButOne) == [.broad])
        let hosts = ExceptionItem(id: "h", name: "h", comment: "", author: "", createdAt: now,
                                  entries: [ExceptionEntry(field: "destination.ip", value: .matchAny(["8.8.8.8", "1.1.1.1"]))])
        #expect(kinds(hosts) == [])
    }
}
