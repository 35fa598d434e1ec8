import Foundation
import PropertyBased
import Testing
import TestSupport
@testable import Detection

/// `Detector.evaluate` against the independent oracle (`ReferenceRule` + a linear scan of
/// `ReferenceExceptions`) on random events and random exception sets.
@Suite struct DetectorDifferentialTests {
    private typealias F = EventFixtures
    private static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// Addresses where verdicts flip: edges of every block the query names and their neighbours.
    private static let interestingAddresses: [IPAddress] = {
        let blocks = ReferenceRule.excludedBlocks + ReferenceRule.privateSourceBlocks
        let edges = blocks.flatMap { [$0.network, $0.last, $0.network.predecessor, $0.last.successor].compactMap { $0 } }
        return edges + ["0.0.0.4", "8.8.8.8", "20.60.1.2", "fd00::1", "2001:db8::1", "::ffff:10.0.0.1"].map(F.address)
    }()

    private static func address(choice: Int, random: UInt32) -> IPAddress {
        choice < interestingAddresses.count ? interestingAddresses[choice] : IPAddress(ipv4: random)
    }

    /// An event decoded from generated numbers; every field the rule reads varies.
    private static func event(_ numbers: [Int]) -> NetworkEvent {
        var random = SplitMix64(seed: UInt64(bitPattern: Int64(numbers[0])))
        func pick<T>(_ options: [T]) -> T { options[Int(random.next() % UInt64(options.count))] }
        func someAddress() -> IPAddress {
            address(choice: Int(random.next() % UInt64(interestingAddresses.count * 2)),
                    random: UInt32(truncatingIfNeeded: random.next()))
        }
        func someSource() -> IPAddress {
            let privateBlock = pick(ReferenceRule.privateSourceBlocks)
            let inside = IPAddress(high: privateBlock.network.high,
                                   low: privateBlock.network.low | (random.next() & 0xFFFF))
            return pick([inside, inside, privateBlock.network, privateBlock.last, someAddress(), someAddress()])
        }
        let sourceCount = pick([0, 1, 1, 1, 2])
        let destinationCount = pick([0, 1, 1, 1, 2])
        return NetworkEvent(
            dataset: pick([nil, "network_traffic.flow", "network_traffic.flow", "zeek.smb", "zeek.smb_files",
                           "zeek.connection", "Network_traffic.flow"]),
            categories: pick([[], ["network"], ["network"], ["network_traffic"], ["host", "network"], ["Network"], ["file"]]),
            sourceIPs: (0..<sourceCount).map { _ in someSource() },
            sourcePort: pick([nil, 445, 50_000]),
            destinationIPs: (0..<destinationCount).map { _ in someAddress() },
            destinationPort: pick([nil, 139, 445, 445, 445, 80, 4450]),
            transport: pick([nil, "tcp", "tcp", "tcp", "tcp", "TCP", "udp"]),
            observerHostName: pick([nil, "sensor-1", "sensor-2"]))
    }

    /// An exception item decoded from one generated number: every shape the compiler indexes or scans.
    private static func item(_ number: Int, index: Int) -> ExceptionItem {
        var random = SplitMix64(seed: UInt64(bitPattern: Int64(number)))
        func pick<T>(_ options: [T]) -> T { options[Int(random.next() % UInt64(options.count))] }
        func block() -> String {
            let base = address(choice: Int(random.next() % UInt64(interestingAddresses.count)), random: 0)
            let length = pick(base.isIPv4 ? [8, 16, 24, 30, 32] : [10, 64, 128])
            return pick(["\(base)", "\(IPPrefix(address: base, length: length))"])
        }
        let entries: [ExceptionEntry] = switch random.next() % 7 {
        case 0: [ExceptionEntry(field: "destination.ip", value: .match(block()))]
        case 1: [ExceptionEntry(field: "source.ip", value: .matchAny([block(), block()]))]
        case 2: [ExceptionEntry(field: "source.ip", value: .match(block())),
                 ExceptionEntry(field: "destination.ip", value: .matchAny([block(), block()]))]
        case 3: [ExceptionEntry(field: "destination.ip", operator: .excluded, value: .match(block()))]
        case 4: [ExceptionEntry(field: "destination.port", value: .match(pick(["139", "445"]))),
                 ExceptionEntry(field: "network.transport", operator: .excluded, value: .match("udp"))]
        case 5: [ExceptionEntry(field: "host.name", value: .match(pick(["sensor-1", "sensor-2"]))),
                 ExceptionEntry(field: "source.ip", value: .match(block()))]
        default: [ExceptionEntry(field: "event.dataset", value: .matchAny(["zeek.smb", "network_traffic.flow"]))]
        }
        let expiresAt = random.next() % 4 == 0 ? now.addingTimeInterval(pick([-60, 60])) : nil
        return ExceptionItem(id: "item-\(index)", name: "generated", comment: "generated", author: "test",
                             createdAt: now.addingTimeInterval(-3600), expiresAt: expiresAt, entries: entries)
    }

    @Test func detectorAgreesWithThePlainEvaluator() async throws {
        let rule = EventFixtures.bundledRule
        let events = Gen.int(in: 0...Int.max).array(of: 1)
        let exceptionSets = Gen.int(in: 0...Int.max).array(of: 0...6)
        var verdictCounts: [String: Int] = [:]
        await propertyCheck(count: 3_000, input: events, exceptionSets) { eventNumbers, itemNumbers in
            let event = Self.event(eventNumbers)
            let items = itemNumbers.enumerated().map { Self.item($0.element, index: $0.offset) }
            let exceptions = try CompiledExceptions(items, activeAt: Self.now)
            let active = items.filter { $0.isActive(at: Self.now) }
            let expected: Verdict = if !ReferenceRule.matches(event) {
                .noMatch
            } else if let id = ReferenceExceptions(active).firstMatch(event) {
                .suppressed(exceptionID: id)
            } else {
                .alert
            }
            #expect(Detector(rule: rule, exceptions: exceptions).evaluate(event) == expected, "\(event)")
            #expect(rule.matches(event) == ReferenceRule.matches(event))
            let kind = switch expected { case .noMatch: "noMatch"; case .alert: "alert"; case .suppressed: "suppressed" }
            verdictCounts[kind, default: 0] += 1
        }
        #expect(verdictCounts["alert", default: 0] > 100, "\(verdictCounts)")
        #expect(verdictCounts["suppressed", default: 0] > 30, "\(verdictCounts)")
    }

    @Test func batchVerdictsEqualSingleVerdicts() throws {
        let events = (0..<500).map { Self.event([$0 &* 7919]) }
        let items = (0..<3).map { Self.item($0 &* 104_729, index: $0) }
        let detector = Detector(rule: EventFixtures.bundledRule, exceptions: try CompiledExceptions(items, activeAt: Self.now))
        #expect(detector.verdicts(for: events) == events.map(detector.evaluate))
        let verdicts = detector.verdicts(for: events)
        #expect(verdicts.contains(.noMatch) && verdicts.contains(.alert))
        #expect(verdicts.contains { if case .suppressed = $0 { true } else { false } })
    }
}
