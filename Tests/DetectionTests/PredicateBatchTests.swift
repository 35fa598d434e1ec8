import Testing
import TestSupport
@testable import Detection

/// The batch evaluation (`PredicateProgram.matchingIndices`) selects exactly the events the
/// per-event evaluation (`matches`) accepts, for every kind of leaf, negation and nesting.
@Suite struct PredicateBatchTests {
    private static let queries = [
        "destination.port: (139 or 445)",
        "not destination.port: 445",
        "network.transport: tcp and destination.port: 445",
        "event.dataset: network_traffic.flow or event.category: (network or file)",
        "not (network.transport: udp or destination.port: 80)",
        "not (network.transport: tcp and source.ip: 10.0.0.0/8)",
        "source.ip: (10.0.0.0/8 or 192.168.0.0/16) and not destination.ip: (10.0.0.0/8 or 224.0.0.0/4)",
        "destination.ip: \"2001:db8::/32\" or source.ip: \"fe80::1\"",
        "event.dataset: zeek.* and not event.dataset: *files",
        "source.bytes: 0 or not source.bytes: *",
        "event.type: * and (event.type: start or (network.transport: tcp and not source.port: 445))",
        EventFixtures.bundledRule.rule.query,
    ]

    /// Events whose every field the queries read varies, arrays of several elements included.
    private static let events: [NetworkEvent] = {
        var random = SplitMix64(seed: 42)
        func pick<T>(_ options: [T]) -> T { options[Int(random.next() % UInt64(options.count))] }
        let addresses = ["10.1.2.3", "192.168.4.5", "172.16.0.1", "8.8.8.8", "224.0.0.251", "2001:db8::7", "fe80::1"]
            .map(EventFixtures.address)
        return (0..<400).map { _ in
            NetworkEvent(
                dataset: pick([nil, "network_traffic.flow", "zeek.connection", "zeek.smb_files", "suricata.eve"]),
                categories: pick([[], ["network"], ["file"], ["host", "network"]]),
                types: pick([[], ["connection", "start"], ["end"]]),
                sourceIPs: (0..<pick([0, 1, 1, 2])).map { _ in pick(addresses) },
                sourcePort: pick([nil, 445, 50_000]),
                sourceBytes: pick([nil, 0, 1_200]),
                destinationIPs: (0..<pick([0, 1, 1, 2])).map { _ in pick(addresses) },
                destinationPort: pick([nil, 80, 139, 445]),
                transport: pick([nil, "tcp", "udp"]))
        }
    }()

    @Test(arguments: queries)
    func batchSelectionEqualsPerEventMatches(query: String) throws {
        let program = PredicateProgram(try KQLCompiler.predicate(forQuery: query))
        let expected = Self.events.indices.filter { program.matches(Self.events[$0]) }.map(Int32.init)
        let selected = Self.events.withUnsafeBufferPointer { program.matchingIndices(in: $0) }
        #expect(selected == expected)
        #expect(!expected.isEmpty && expected.count < Self.events.count, "the events must split on \(query)")
    }

    @Test func anEmptyBatchSelectsNothing() throws {
        let program = PredicateProgram(try KQLCompiler.predicate(forQuery: "not destination.port: 445"))
        #expect([NetworkEvent]().withUnsafeBufferPointer { program.matchingIndices(in: $0) }.isEmpty)
    }
}
