import Testing
@testable import Detection

@Suite struct SingleAddressIndexTests {
    @Test func findsEveryKeyAndTheLowestItemOfARepeatedOne() {
        // 5,000 consecutive addresses and 3,000 pairs from 7 sources: many keys share hash neighbourhoods.
        let keys = (0..<5_000).map { SingleAddressIndex.key(0x1400_0000 + UInt32($0)) }
            + (0..<3_000).map { SingleAddressIndex.key(source: 0x0A00_0000 + UInt32($0 % 7), destination: UInt32($0)) }
        let entries = keys.enumerated().map { (key: $0.element, item: $0.offset + 10) }
            + [(key: keys[17], item: 3), (key: keys[17], item: 5), (key: keys[4_000], item: 99_999)]
        let index = SingleAddressIndex(entries)
        for (position, key) in keys.enumerated() where position != 17 {
            #expect(index.lowestItem(key) == position + 10)
        }
        #expect(index.lowestItem(keys[17]) == 3)
        #expect(index.lowestItem(SingleAddressIndex.key(0x0808_0808)) == nil)
        #expect(index.lowestItem(SingleAddressIndex.key(source: 0x0A00_0001, destination: 0x1400_0001)) == nil)
    }

    @Test func anEmptyIndexHoldsNothing() {
        let index = SingleAddressIndex([])
        #expect(index.isEmpty)
        #expect(index.lowestItem(SingleAddressIndex.key(0)) == nil)
    }

    @Test func onlyFullLengthIPv4PrefixesAreSingleAddresses() throws {
        #expect(try IPPrefix(parsing: "20.1.2.3").singleIPv4Address == 0x1401_0203)
        #expect(try IPPrefix(parsing: "20.1.2.3/32").singleIPv4Address == 0x1401_0203)
        #expect(try IPPrefix(parsing: "20.1.2.0/24").singleIPv4Address == nil)
        #expect(try IPPrefix(parsing: "2001:db8::1").singleIPv4Address == nil)
    }
}
