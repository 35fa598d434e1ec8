import BundledRules
import Detection
import Foundation
import GRDB
@testable import Store
import Testing
import TriageModel

@Suite("Address columns: family-tagged blobs (v18)")
struct AddressColumnTests {
    static let edges = [
        "0.0.0.0", "0.0.0.1", "10.0.0.1", "127.255.255.255", "255.255.255.254", "255.255.255.255",
        "::", "::1", "::fffe:ffff:ffff", "::1:0:0:0", "fe80::1", "2001:db8::1", "2001:db8::ffff:0:1",
        "2001:db8:0:0:ffff:ffff:ffff:ffff", "2001:db8:0:1::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    ].map { IPAddress($0)! } + [IPAddress(high: 0, low: 0xFFFF_0000_0000), IPAddress(high: 0, low: 0xFFFF_FFFF_FFFF)]

    @Test func everyAddressRoundTripsInFiveBytesForIPv4AndSeventeenForIPv6() {
        for address in Self.edges {
            let blob = address.storeBlob
            #expect(blob.count == (address.isIPv4 ? 5 : 17), "\(address)")
            #expect(blob.first == (address.isIPv4 ? 0x04 : 0x06))
            #expect(IPAddress(storeBlob: blob) == address)
            #expect(IPAddress(mappedBytes: address.mappedBytes) == address)
        }
        #expect(IPAddress("::ffff:0:0")!.storeBlob == Data([4, 0, 0, 0, 0]))
        #expect(IPAddress("::ffff:255.255.255.255")!.storeBlob == Data([4, 255, 255, 255, 255]))
        #expect(IPAddress.addresses(storeBlob: IPAddress.storeBlob(Self.edges)) == Self.edges)
        #expect(IPAddress.addresses(mappedBytes: IPAddress.mappedBytes(Self.edges)) == Self.edges)
    }

    @Test func otherBlobsAreNoAddress() {
        for blob in [Data(), Data([4, 1, 2, 3]), Data([4, 1, 2, 3, 4, 5]), Data([6] + [UInt8](repeating: 1, count: 15)),
                     Data([5, 1, 2, 3, 4]), IPAddress("10.0.0.1")!.mappedBytes] {
            #expect(IPAddress(storeBlob: blob) == nil)
        }
        let damaged = IPAddress.storeBlob([IPAddress("10.0.0.1")!, IPAddress("::1")!]) + Data([6, 0, 0])
        #expect(IPAddress.addresses(storeBlob: damaged) == [IPAddress("10.0.0.1")!, IPAddress("::1")!])
    }

    @Test func blobOrderPutsEveryIPv4AddressFirstThenEachFamilyNumerically() throws {
        let shuffled = Self.edges.shuffled()
        let byBlob = try DatabaseQueue().read { db in
            try Data.fetchAll(db, sql: """
                SELECT value FROM (\(shuffled.map { _ in "SELECT ? AS value" }.joined(separator: " UNION ALL ")))
                ORDER BY value
                """, arguments: StatementArguments(shuffled.map(\.storeBlob)))
        }
        let expected = Self.edges.filter(\.isIPv4).sorted() + Self.edges.filter { !$0.isIPv4 }.sorted()
        #expect(byBlob.compactMap(IPAddress.init(storeBlob:)) == expected)
    }

    /// Every prefix's blob ranges hold exactly the addresses `IPPrefix.contains` holds.
    @Test(arguments: ["::/0", "::ffff:0:0/96", "0.0.0.0/0", "2001:db8::/64", "::/1", "::/80", "::/95", "10.0.0.0/8",
                      "255.255.255.255", "::ffff:10.0.0.0/104", "::1", "8000::/1", "fe80::/10", "::fffe:0:0/95"])
    func exceptionRangesMatchWhatTheDetectorMatches(_ text: String) throws {
        let prefix = try IPPrefix(parsing: text)
        let ranges = prefix.storeRanges
        let condition = ranges.map { _ in "? BETWEEN ? AND ?" }.joined(separator: " OR ")
        var random = SystemRandomNumberGenerator()
        let addresses = Self.edges + [prefix.network, prefix.last] + (0..<200).map { index in
            index.isMultiple(of: 2) ? IPAddress(ipv4: random.next()) : IPAddress(high: random.next(), low: random.next())
        }
        try DatabaseQueue().read { db in
            for address in addresses {
                let arguments = ranges.flatMap { [address.storeBlob, $0.lowest, $0.highest] }
                let inRange = try Bool.fetchOne(db, sql: "SELECT \(condition)", arguments: StatementArguments(arguments))
                #expect(inRange == prefix.contains(address), "\(text) \(address)")
            }
        }
    }

    @Test func theHostListSortsAddressesIPv4First() throws {
        let fixture = try StoreFixture()
        let sources = ["fd00::2", "192.168.1.1", "::1", "fd00::1", "10.0.0.2", "10.0.0.1"]
        try fixture.store.insert(sources.enumerated().map { smbEvent($1, "8.8.8.8", line: $0) }, ingestedAt: baseTime)
        let rows = try fixture.store.hosts(filter: HostFilter(), sort: .address, offset: 0, limit: 10).rows
        #expect(rows.map(\.address.description) == ["10.0.0.1", "10.0.0.2", "192.168.1.1", "::1", "fd00::1", "fd00::2"],
                "::1 sorted before every IPv4 address in the 16-byte form")
    }

    @Test func anIPv6ExceptionScopeCountsTheIPv4AlertsItCovers() throws {
        let fixture = try StoreFixture()
        let flows = [("10.0.0.1", "8.8.8.8"), ("10.0.0.1", "2001:db8::8"), ("192.168.1.1", "8.8.4.4"),
                     ("192.168.1.1", "2001:db8:1::9")]
        try fixture.store.insert(flows.enumerated().map { smbEvent($1.0, $1.1, line: $0) }, ingestedAt: baseTime)
        _ = try fixture.store.detectUntilNothingPending(at: baseTime)
        func count(_ scope: ExceptionScope) throws -> Int { try fixture.store.openAlertCount(in: scope) }
        func prefix(_ text: String) throws -> IPPrefix { try IPPrefix(parsing: text) }
        #expect(try count(.source(prefix("::/0"))) == 4)
        #expect(try count(.source(prefix("::ffff:0:0/96"))) == 4)
        #expect(try count(.source(prefix("::ffff:10.0.0.0/104"))) == 2)
        #expect(try count(.source(prefix("fd00::/8"))) == 0)
        #expect(try count(.destination(prefix("::/0"))) == 4)
        #expect(try count(.destination(prefix("0.0.0.0/0"))) == 2)
        #expect(try count(.destination(prefix("2001:db8::/32"))) == 2)
        #expect(try count(.destination(prefix("2001:db8::/64"))) == 1)
        #expect(try count(.pair(source: prefix("::/0"), destination: prefix("::ffff:8.8.0.0/112"))) == 2)
    }
}
