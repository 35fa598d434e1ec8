import Testing
@testable import Detection

@Suite struct IPAddressTests {
    @Test(arguments: [
        ("10.1.2.3", "10.1.2.3"),
        ("0.0.0.0", "0.0.0.0"),
        ("255.255.255.255", "255.255.255.255"),
        ("::1", "::1"),
        ("::", "::"),
        ("0:0:0:0:0:0:0:1", "::1"),
        ("FE80::1", "fe80::1"),
        ("fe80:0000:0000:0000:0202:b3ff:fe1e:8329", "fe80::202:b3ff:fe1e:8329"),
        ("2001:db8::", "2001:db8::"),
        ("2001:DB8:0:0:1::1", "2001:db8::1:0:0:1"),
        ("::ffff:10.1.2.3", "10.1.2.3"),
        ("::FFFF:192.168.0.1", "192.168.0.1"),
        ("64:ff9b::192.0.2.33", "64:ff9b::c000:221"),
    ])
    func parsesAndPrintsCanonically(text: String, canonical: String) throws {
        let address = try IPAddress(parsing: text)
        #expect(address.description == canonical)
        #expect(try IPAddress(parsing: canonical) == address)
    }

    @Test func ipv4MappedIsTheSameAddressAsIPv4() throws {
        #expect(try IPAddress(parsing: "::ffff:10.0.0.1") == IPAddress(parsing: "10.0.0.1"))
        #expect(try IPAddress(parsing: "10.0.0.1").isIPv4)
        #expect(try !IPAddress(parsing: "::1").isIPv4)
        #expect(try IPAddress(parsing: "1.2.3.4").ipv4Value == 0x0102_0304)
    }

    @Test(arguments: [
        ("", 0, "empty address"),
        ("10.0.0", 0, "4 dot-separated octets"),
        ("10.0.0.256", 7, "above 255"),
        ("10.0..1", 5, "empty octet"),
        ("10.0.0.x", 7, "unexpected character"),
        ("1::2::3", 4, "only once"),
        ("12345::1", 0, "more than 4 hex digits"),
        ("fe80:g::1", 5, "unexpected character"),
    ])
    func rejectsWithPosition(text: String, offset: Int, reason: String) {
        #expect {
            try IPAddress(parsing: text)
        } throws: { error in
            guard let error = error as? IPAddressParseError else { return false }
            return error.offset == offset && error.reason.contains(reason)
        }
    }

    @Test func rejectsMalformedIPv6() {
        for text in ["1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":1::2", "1:2:3:4:5:6:7:8::", "1::2:3:4:5:6:7:8", "1:"] {
            #expect(IPAddress(text) == nil, "\(text) parsed")
        }
    }

    @Test func ordersAcrossTheWhole128BitSpace() throws {
        let ordered = try ["::", "::1", "0.0.0.0", "10.0.0.1", "255.255.255.255", "2001:db8::", "ffff::"]
            .map { try IPAddress(parsing: $0) }
        #expect(ordered == ordered.sorted())
    }
}

@Suite struct IPPrefixTests {
    @Test func ipv4PrefixBounds() throws {
        let prefix = try IPPrefix(parsing: "172.16.0.0/12")
        #expect(prefix.network.description == "172.16.0.0")
        #expect(prefix.last.description == "172.31.255.255")
        #expect(try prefix.contains(IPAddress(parsing: "172.31.255.255")))
        #expect(try !prefix.contains(IPAddress(parsing: "172.32.0.0")))
        #expect(try !prefix.contains(IPAddress(parsing: "::1")))
    }

    @Test func ipv6PrefixIgnoresCaseAndClearsHostBits() throws {
        let prefix = try IPPrefix(parsing: "FE80::1/10")
        #expect(prefix.description == "fe80::/10")
        #expect(try prefix.contains(IPAddress(parsing: "febf:ffff::1")))
        #expect(try !prefix.contains(IPAddress(parsing: "fec0::")))
    }

    @Test func bareAddressIsFullLength() throws {
        #expect(try IPPrefix(parsing: "::1").length == 128)
        #expect(try IPPrefix(parsing: "192.0.0.9").length == 32)
        #expect(try IPPrefix(parsing: "0.0.0.0/0").contains(IPAddress(parsing: "255.255.255.255")))
    }

    @Test func ipv4MappedFormTakesA128BitLength() throws {
        #expect(try IPPrefix(parsing: "::ffff:10.0.0.0/104") == IPPrefix(parsing: "10.0.0.0/8"))
        #expect(try IPPrefix(parsing: "::FFFF:192.168.1.7/128") == IPPrefix(parsing: "192.168.1.7"))
        #expect(try IPPrefix(parsing: "::ffff:0.0.0.0/96").contains(IPAddress(parsing: "255.255.255.255")))
        // A mapped-form length below 96 would reach beyond IPv4 (`::/8` for `/8`): refused.
        #expect {
            try IPPrefix(parsing: "::ffff:10.0.0.0/8")
        } throws: { error in
            (error as? IPAddressParseError)?.reason.contains("from 96 to 128") == true
        }
    }

    @Test(arguments: [("10.0.0.0/33", 9), ("::ffff:10.0.0.0/129", 16), ("10.0.0.0/", 9), ("10.0.0.0/8x", 9), ("::/129", 3), ("10.0.0.256/8", 7)])
    func rejectsWithPosition(text: String, offset: Int) {
        #expect {
            try IPPrefix(parsing: text)
        } throws: { error in
            (error as? IPAddressParseError)?.offset == offset
        }
    }
}
