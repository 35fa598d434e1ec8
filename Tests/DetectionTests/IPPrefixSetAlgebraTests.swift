import Testing
@testable import Detection

@Suite struct IPPrefixSetAlgebraTests {
    private func set(_ prefixes: String...) throws -> IPPrefixSet { IPPrefixSet(try prefixes.map { try IPPrefix(parsing: $0) }) }

    @Test func intersectionComplementAndCount() throws {
        let a = try set("10.0.0.0/8", "192.168.0.0/16")
        let b = try set("10.128.0.0/9", "192.168.1.0/24", "8.8.8.8")
        #expect(try a.intersection(b) == (set("10.128.0.0/9", "192.168.1.0/24")))
        #expect(try a.subtracting(b) == (set("10.0.0.0/9", "192.168.0.0/24", "192.168.2.0/23", "192.168.4.0/22",
                                             "192.168.8.0/21", "192.168.16.0/20", "192.168.32.0/19", "192.168.64.0/18",
                                             "192.168.128.0/17")))
        #expect(a.complement.complement == a)
        #expect(a.union(a.complement) == .everything)
        #expect(a.addressCount == 16_777_216 + 65_536)
        #expect(IPPrefixSet.ipv4.addressCount == 4_294_967_296)
        #expect(IPPrefixSet.everything.addressCount == 0x1p128)
        #expect(try a.isSuperset(of: set("10.1.2.3")) && !a.isSuperset(of: b))
        #expect(try a.overlaps(b) && !a.overlaps(set("8.8.8.8")))
    }
}

@Suite struct AddressRangeUnionTests {
    private func set(_ prefixes: String...) throws -> IPPrefixSet { IPPrefixSet(try prefixes.map { try IPPrefix(parsing: $0) }) }

    @Test func growsLikeTheUnionOfSetsAndCountsOnce() throws {
        var union = AddressRangeUnion()
        var reference = IPPrefixSet.empty
        for block in ["10.0.1.0/24", "10.0.3.0/24", "10.0.0.0/24", "10.0.2.0/25", "10.0.0.0/22", "::/0", "8.8.8.8"] {
            let added = try set(block)
            #expect(union.uncovered(added) == added.subtracting(reference), "\(block)")
            union.formUnion(added)
            reference = reference.union(added)
            #expect(IPPrefixSet(ranges: union.ranges) == reference, "\(block)")
            #expect(union.addressCount == reference.addressCount, "\(block)")
        }
        #expect(union.ranges == [IPAddress.zero...IPAddress.max])
    }
}
