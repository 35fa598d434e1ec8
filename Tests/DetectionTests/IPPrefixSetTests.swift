import Testing
import TestSupport
@testable import Detection

@Suite struct IPPrefixSetTests {
    private func set(_ prefixes: String...) throws -> IPPrefixSet {
        IPPrefixSet(try prefixes.map { try IPPrefix(parsing: $0) })
    }

    private func address(_ text: String) throws -> IPAddress { try IPAddress(parsing: text) }

    @Test func containsTheEdgesOfEachBlockAndNothingOutside() throws {
        let prefixes = try set("10.0.0.0/8", "192.168.0.0/16", "fe80::/10")
        for inside in ["10.0.0.0", "10.255.255.255", "192.168.0.0", "192.168.255.255", "fe80::", "febf:ffff::1"] {
            #expect(try prefixes.contains(address(inside)), "\(inside)")
        }
        for outside in ["9.255.255.255", "11.0.0.0", "192.167.255.255", "192.169.0.0", "fec0::", "::1"] {
            #expect(try !prefixes.contains(address(outside)), "\(outside)")
        }
    }

    @Test func mergesOverlappingAndAdjacentBlocks() throws {
        let merged = try set("192.0.0.0/24", "192.0.0.0/29", "192.0.0.8/32", "192.0.1.0/24", "10.0.0.0/8")
        #expect(merged.ranges.count == 2)
        #expect(try merged.ranges.last == address("192.0.0.0")...address("192.0.1.255"))
        #expect(try merged == set("10.0.0.0/8", "192.0.0.0/23"))
    }

    @Test func emptySetContainsNothing() throws {
        #expect(IPPrefixSet.empty.isEmpty)
        #expect(try !IPPrefixSet.empty.contains(address("0.0.0.0")))
    }

    @Test func wholeSpaceAndItsEdges() throws {
        let everything = try set("::/0")
        #expect(everything.contains(.zero))
        #expect(everything.contains(.max))
        #expect(try everything.contains(address("8.8.8.8")))
    }

    @Test func ipv4IsInsideTheMappedBlock() throws {
        let allIPv4 = try set("0.0.0.0/0")
        #expect(try allIPv4.contains(address("::ffff:1.2.3.4")))
        #expect(try !allIPv4.contains(address("::1")))
        #expect(try !allIPv4.contains(address("::fffe:1.2.3.4")))
    }

    @Test func coversAndIntersects() throws {
        let prefixes = try set("10.0.0.0/8", "192.0.0.0/24")
        #expect(try prefixes.covers(IPPrefix(parsing: "10.1.0.0/16")))
        #expect(try prefixes.covers(IPPrefix(parsing: "192.0.0.9/32")))
        #expect(try !prefixes.covers(IPPrefix(parsing: "192.0.0.0/23")))
        #expect(try prefixes.intersects(IPPrefix(parsing: "192.0.0.0/23")))
        #expect(try prefixes.intersects(IPPrefix(parsing: "0.0.0.0/0")))
        #expect(try !prefixes.intersects(IPPrefix(parsing: "0.0.0.0/8")))
    }

    @Test func agreesWithALinearScanOverManyPrefixes() {
        var generator = SplitMix64(seed: 7)
        let prefixes = (0..<12_000).map { _ in
            IPPrefix(address: IPAddress(ipv4: UInt32(truncatingIfNeeded: generator.next())),
                     length: Int(generator.next() % 9) + 24)
        }
        let prefixSet = IPPrefixSet(prefixes)
        for _ in 0..<1_000 {
            let probe: IPAddress
            if generator.next() % 2 == 0 {
                probe = prefixes[Int(generator.next() % UInt64(prefixes.count))].last
            } else {
                probe = IPAddress(ipv4: UInt32(truncatingIfNeeded: generator.next()))
            }
            #expect(prefixSet.contains(probe) == prefixes.contains { $0.contains(probe) }, "\(probe)")
        }
    }

    @Test func ipv6AndMixedPrefixesAgreeWithALinearScan() {
        var generator = SplitMix64(seed: 11)
        let prefixes = (0..<3_000).map { number -> IPPrefix in
            if number % 3 == 0 {
                return IPPrefix(address: IPAddress(ipv4: UInt32(truncatingIfNeeded: generator.next())), length: 16)
            }
            let address = IPAddress(high: 0x2001_0db8_0000_0000 | generator.next() >> 40, low: generator.next())
            return IPPrefix(address: address, length: Int(generator.next() % 65) + 40)
        }
        let prefixSet = IPPrefixSet(prefixes + [EventFixtures.prefix("8000::/1")])
        var misses = 0
        for _ in 0..<1_000 {
            let chosen = prefixes[Int(generator.next() % UInt64(prefixes.count))]
            for probe in [chosen.network, chosen.last, chosen.last.successor, chosen.network.predecessor].compactMap({ $0 }) {
                let expected = probe.high >> 63 == 1 || prefixes.contains { $0.contains(probe) }
                #expect(prefixSet.contains(probe) == expected, "\(probe)")
                if !expected { misses += 1 }
            }
        }
        #expect(misses > 100, "probes just outside blocks should often miss")
        #expect(prefixSet.contains(EventFixtures.address("ffff::1")))
    }
}
