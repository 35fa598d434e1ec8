import Detection
import Testing
import TestSupport
@testable import Ingest

/// `FlowMap` (open addressing, backward-shift deletion, slots that move on removal) against a
/// `Dictionary` doing the same inserts, updates and removals.
@Suite struct FlowMapTests {
    /// The key of a TCP flow between 10.0.0.x and 10.0.1.y; few distinct values, so the probes
    /// run into one another.
    static func key(_ number: Int) -> FlowKey {
        let packet = DecodedPacket(
            source: IPAddress(ipv4: 0x0A00_0000 | UInt32(number % 7)),
            destination: IPAddress(ipv4: 0x0A00_0100 | UInt32(number / 7)),
            sourcePort: UInt16(40_000 + number % 3), destinationPort: 445, transport: 6, ipBytes: 40, tcpFlags: 0,
            isFragment: false, isLaterFragment: false
        )
        var sentByLower = false
        return FlowKey(packet, sentByLower: &sentByLower)
    }

    static func flow(_ key: FlowKey, number: Int) -> Flow {
        Flow(key: key, sentByLower: true, time: 0, packetNumber: number)
    }

    /// Every key of `expected` is found with its flow, and the keys not in it are not found.
    func expectSame(_ map: FlowMap, _ expected: [FlowKey: (first: Int, packets: UInt64)], keys: [FlowKey]) {
        #expect(map.count == expected.count)
        for key in keys {
            let slot = map.slot(of: key)
            if let want = expected[key] {
                let found = slot.map { map[$0] }
                #expect(found?.key == key)
                #expect(found?.firstPacket == want.first)
                #expect(found?.packets.0 == want.packets)
            } else {
                #expect(slot == nil)
            }
        }
    }

    @Test(arguments: [0, 0x5EED, UInt64.max])
    func insertsUpdatesAndRemovalsMatchADictionary(seed: UInt64) {
        let keys = (0..<140).map(Self.key)
        var map = FlowMap(capacity: 1, seed: seed)
        var expected: [FlowKey: (first: Int, packets: UInt64)] = [:]
        var random = SplitMix64(seed: seed)
        for step in 1...6_000 {
            let key = keys[Int(random.next() % UInt64(keys.count))]
            switch (map.slot(of: key), random.next() % 3) {
            case (nil, _):
                map.insert(Self.flow(key, number: step), hash: map.hash(of: key))
                expected[key] = (step, 0)
            case (let slot?, 0):
                #expect(map.remove(slot: slot).key == key)
                expected[key] = nil
            case (let slot?, _):
                map.update(slot: slot) { $0.packets.0 += 1 }
                expected[key]?.packets += 1
            }
            if step % 50 == 0 { expectSame(map, expected, keys: keys) }
        }
        let remaining = map.removeAll()
        #expect(Set(remaining.map(\.key)) == Set(expected.keys))
        #expect(map.count == 0)
        #expect(map.slot(of: keys[0]) == nil)
    }

    @Test func theHashDependsOnTheSeedAndOnEveryField() {
        let key = Self.key(10)
        #expect(key.hash(seed: 1) != key.hash(seed: 2))
        var changed = [key, key, key, key, key]
        changed[0].lower = IPAddress(ipv4: 0x0A00_0009)
        changed[1].upper = IPAddress(high: 1, low: key.upper.low)
        changed[2].lowerPort += 1
        changed[3].upperPort += 1
        changed[4].transport = 17
        for other in changed { #expect(other.hash(seed: 1) != key.hash(seed: 1)) }
    }
}
