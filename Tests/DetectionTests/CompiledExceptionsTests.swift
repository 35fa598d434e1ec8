import Foundation
import Testing
import TestSupport
@testable import Detection

@Suite struct CompiledExceptionsTests {
    private typealias F = EventFixtures
    private let now = Date(timeIntervalSince1970: 1_800_000_000)

    private func item(_ id: String, expiresAt: Date? = nil, _ entries: ExceptionEntry...) -> ExceptionItem {
        ExceptionItem(id: id, name: id, comment: "test", author: "tester", createdAt: now,
                      expiresAt: expiresAt, entries: entries)
    }

    private func compile(_ items: ExceptionItem...) throws -> CompiledExceptions {
        try CompiledExceptions(items, activeAt: now)
    }

    @Test func entriesAreAndedAndItemsAreOred() throws {
        let exceptions = try compile(
            item("pair", ExceptionEntry(field: "source.ip", value: .match("10.1.2.3")),
                 ExceptionEntry(field: "destination.port", value: .match("445"))),
            item("dns", ExceptionEntry(field: "destination.ip", value: .match("8.8.4.4"))))
        #expect(exceptions.activeCount == 2)
        #expect(exceptions.firstMatch(F.smbFlow()) == "pair")
        #expect(exceptions.firstMatch(F.smbFlow(port: 139)) == nil)
        #expect(exceptions.firstMatch(F.smbFlow(source: "10.9.9.9", destination: "8.8.4.4")) == "dns")
        #expect(exceptions.firstMatch(F.smbFlow(source: "10.9.9.9")) == nil)
    }

    @Test func excludedOperatorNegatesTheEntry() throws {
        let exceptions = try compile(
            item("not-azure", ExceptionEntry(field: "source.ip", value: .match("10.1.2.3")),
                 ExceptionEntry(field: "destination.ip", operator: .excluded, value: .match("20.0.0.0/8"))))
        #expect(exceptions.firstMatch(F.smbFlow(destination: "8.8.8.8")) == "not-azure")
        #expect(exceptions.firstMatch(F.smbFlow(destination: "20.1.1.1")) == nil)
        #expect(exceptions.firstMatch(F.smbFlow(destination: nil)) == "not-azure", "a missing field passes `not`")
    }

    @Test func matchAnyAndCIDRValues() throws {
        let exceptions = try compile(
            item("many", ExceptionEntry(field: "destination.ip", value: .matchAny(["1.1.1.1", "20.60.0.0/16"]))),
            item("transport", ExceptionEntry(field: "network.transport", value: .matchAny(["udp", "sctp"]))))
        #expect(exceptions.firstMatch(F.smbFlow(destination: "1.1.1.1")) == "many")
        #expect(exceptions.firstMatch(F.smbFlow(destination: "20.60.255.255")) == "many")
        #expect(exceptions.firstMatch(F.smbFlow(destination: "20.61.0.0")) == nil)
        #expect(exceptions.firstMatch(F.smbFlow(transport: "sctp")) == "transport")
        #expect(exceptions.firstMatch(F.smbFlow(transport: "SCTP")) == nil)
    }

    @Test func keywordValuesAreLiteralNotWildcards() throws {
        let exceptions = try compile(item("star", ExceptionEntry(field: "host.name", value: .match("sensor*"))))
        var event = F.smbFlow()
        event.observerHostName = "sensor-1"
        #expect(exceptions.firstMatch(event) == nil)
        event.observerHostName = "sensor*"
        #expect(exceptions.firstMatch(event) == "star")
    }

    @Test func expiredItemsNoLongerApply() throws {
        let items = [
            item("expired", expiresAt: now, ExceptionEntry(field: "destination.ip", value: .match("8.8.8.8"))),
            item("later", expiresAt: now.addingTimeInterval(60), ExceptionEntry(field: "source.ip", value: .match("10.0.0.0/8"))),
        ]
        let exceptions = try CompiledExceptions(items, activeAt: now)
        #expect(exceptions.activeCount == 1)
        #expect(exceptions.firstMatch(F.smbFlow()) == "later")
        let afterwards = try CompiledExceptions(items, activeAt: now.addingTimeInterval(61))
        #expect(afterwards.activeCount == 0)
        #expect(afterwards.firstMatch(F.smbFlow()) == nil)
    }

    @Test func firstMatchFollowsListOrderAcrossShapes() throws {
        let exceptions = try compile(
            item("generic", ExceptionEntry(field: "destination.port", value: .match("445"))),
            item("pair", ExceptionEntry(field: "destination.ip", value: .match("8.8.8.0/24")),
                 ExceptionEntry(field: "source.ip", value: .match("10.1.2.3"))),
            item("destination", ExceptionEntry(field: "destination.ip", value: .match("8.8.8.8"))))
        #expect(exceptions.firstMatch(F.smbFlow()) == "generic")
        #expect(exceptions.firstMatch(F.smbFlow(port: 139)) == "pair")
        #expect(exceptions.firstMatch(F.smbFlow(source: "10.1.2.4", port: 139)) == "destination")
    }

    @Test(arguments: [
        (ExceptionEntry(field: "destination.address", value: .match("1.1.1.1")), "unknown field"),
        (ExceptionEntry(field: "destination.ip", value: .match("1.1.1.0/33")), "prefix length"),
        (ExceptionEntry(field: "destination.port", value: .match("smb")), "not an integer"),
        (ExceptionEntry(field: "destination.ip", value: .matchAny([])), "at least one value"),
    ])
    func invalidEntriesNameItemAndField(entry: ExceptionEntry, reason: String) {
        #expect {
            try compile(item("bad-item", entry))
        } throws: { error in
            guard let error = error as? ExceptionCompileError else { return false }
            return error.itemID == "bad-item" && error.field == entry.field && error.reason.contains(reason)
        }
    }

    @Test func tenThousandItemsAgreeWithALinearScan() throws {
        var generator = SplitMix64(seed: 42)
        func randomAddress(in block: UInt32, bits: UInt32) -> String {
            let host = UInt32(truncatingIfNeeded: generator.next()) & ((1 << (32 - bits)) - 1)
            return "\(IPAddress(ipv4: block | host))"
        }
        var items: [ExceptionItem] = []
        for number in 0..<10_000 {
            let destination = randomAddress(in: 0x1400_0000, bits: 12)
            let source = randomAddress(in: 0x0A00_0000, bits: 20)
            let entries: [ExceptionEntry] = switch number % 5 {
            case 0: [ExceptionEntry(field: "destination.ip", value: .match(destination))]
            case 1: [ExceptionEntry(field: "destination.ip", value: .match(destination + "/\(20 + number % 12)"))]
            case 2: [ExceptionEntry(field: "source.ip", value: .match(source + "/\(24 + number % 9)")),
                     ExceptionEntry(field: "destination.ip", value: .match(destination + "/\(16 + number % 17)"))]
            case 3: [ExceptionEntry(field: "source.ip", value: .match(source))]
            default: [ExceptionEntry(field: "source.ip", value: .match(source)),
                      ExceptionEntry(field: "destination.port", value: .match(number % 2 == 0 ? "445" : "139"))]
            }
            items.append(item("item-\(number)", expiresAt: number % 7 == 0 ? now : nil, entries: entries))
        }
        let exceptions = try CompiledExceptions(items, activeAt: now)
        let active = items.filter { $0.isActive(at: now) }
        #expect(exceptions.activeCount == active.count)
        let reference = ReferenceExceptions(active)
        var suppressed = 0
        for _ in 0..<150 {
            let event = F.smbFlow(source: randomAddress(in: 0x0A00_0000, bits: 20),
                                  destination: randomAddress(in: 0x1400_0000, bits: 12),
                                  port: generator.next() % 2 == 0 ? 445 : 139)
            let expected = reference.firstMatch(event)
            if expected != nil { suppressed += 1 }
            #expect(exceptions.firstMatch(event) == expected, "\(event.sourceIPs) → \(event.destinationIPs)")
        }
        #expect(suppressed > 20, "the generated events should hit many items: \(suppressed)")
    }

    private func item(_ id: String, expiresAt: Date?, entries: [ExceptionEntry]) -> ExceptionItem {
        ExceptionItem(id: id, name: id, comment: "test", author: "tester", createdAt: now,
                      expiresAt: expiresAt, entries: entries)
    }
}

@Suite struct ExceptionErrorTextTests {
    @Test func controlCharactersInValuesAreEscaped() {
        let item = ExceptionItem(id: "evil\u{1B}id", name: "x", comment: "x", author: "x", createdAt: .now,
                                 entries: [ExceptionEntry(field: "destination.ip", value: .match("1.2.3.\u{1B}[2J"))])
        #expect {
            try CompiledExceptions([item], activeAt: .now)
        } throws: { error in
            guard let error = error as? ExceptionCompileError else { return false }
            return !error.reason.contains("\u{1B}") && !error.description.contains("\u{1B}")
                && error.description.contains("\\u{1b}")
        }
    }
}
