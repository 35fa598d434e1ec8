import CPcap
import Detection
import Foundation
import Testing
@testable import Ingest

/// The reader on captures written by libpcap's dump API: every link layer, IPv6 extension
/// headers, fragments, the ways a flow ends, damaged files, byte orders, precisions and pcapng.
@Suite struct SyntheticCaptureTests {
    typealias Packet = SyntheticCapture.Packet
    static let second: Int64 = 1_000_000_000
    static let start: Int64 = 1_700_000_000 * second

    /// A complete SMB connection from client:50000 to server:445 as IP packets: handshake, a
    /// request and a reply, both FINs and the last ACK. 4 packets each way plus the final ACK.
    static func smbConversation(
        _ client: [UInt8] = TestPacket.client, _ server: [UInt8] = TestPacket.server, port: UInt16 = 50_000,
        ip: ([UInt8], [UInt8], [UInt8]) -> [UInt8] = { TestPacket.ipv4($0, $1, $2) }
    ) -> [[UInt8]] {
        func out(_ flags: UInt8, _ payload: Int) -> [UInt8] { ip(client, server, TestPacket.tcp(port, 445, flags: flags, payload: payload)) }
        func back(_ flags: UInt8, _ payload: Int) -> [UInt8] { ip(server, client, TestPacket.tcp(445, port, flags: flags, payload: payload)) }
        return [
            out(TestPacket.syn, 0), back(TestPacket.syn | TestPacket.ack, 0), out(TestPacket.ack, 0),
            out(TestPacket.psh | TestPacket.ack, 100), back(TestPacket.psh | TestPacket.ack, 300),
            out(TestPacket.fin | TestPacket.ack, 0), back(TestPacket.fin | TestPacket.ack, 0), out(TestPacket.ack, 0),
        ]
    }

    static func timed(_ frames: [[UInt8]], from time: Int64 = start, step: Int64 = 1_000_000) -> [Packet] {
        frames.enumerated().map { Packet(time: time + Int64($0.offset) * step, bytes: $0.element) }
    }

    /// Writes the packets and reads them back: the public ingest's summary and events, and every flow.
    func read(
        _ packets: [Packet], dataLink: Int32 = 1, nanoseconds: Bool = false, options: IngestOptions = IngestOptions()
    ) throws -> (summary: FileSummary, events: [NetworkEvent], flows: [Flow]) {
        let path = SyntheticCapture.temporaryPath("capture.pcap")
        defer { unlink(path) }
        SyntheticCapture.write(packets, dataLink: dataLink, nanoseconds: nanoseconds, to: path)
        let (summary, events) = try ingestCapture(atPath: path, options: options)
        return (summary, events.map(\.event), try allFlows(atPath: path, settings: options.flows))
    }

    func expectOneSMBFlow(_ result: (summary: FileSummary, events: [NetworkEvent], flows: [Flow]),
                          endpoints: String = "10.0.0.5:50000 → 10.0.0.9:445", ipBytes: (Int64, Int64) = (300, 420)) {
        #expect(result.summary.fatalError == nil)
        #expect(result.summary.rejected == 0, "\(result.summary.issues)")
        #expect(result.events.count == 1)
        guard let event = result.events.first else { return }
        #expect(event.endpoints == endpoints)
        #expect(event.sourcePackets == 5)
        #expect(event.destinationPackets == 3)
        #expect(event.sourceBytes == ipBytes.0)
        #expect(event.destinationBytes == ipBytes.1)
        #expect(event.connectionState == "finished")
    }

    // MARK: Link layers

    @Test func ethernetWithOneVLANTagAndWithQinQ() throws {
        for tags: [UInt16] in [[], [100], [200, 100]] {
            let frames = Self.smbConversation().map { TestPacket.ethernet($0, vlanTags: tags) }
            expectOneSMBFlow(try read(Self.timed(frames)))
        }
    }

    @Test func linuxCookedV1AndV2() throws {
        expectOneSMBFlow(try read(Self.timed(Self.smbConversation().map(TestPacket.linuxCooked)), dataLink: 113))
        expectOneSMBFlow(try read(Self.timed(Self.smbConversation().map(TestPacket.linuxCookedV2)), dataLink: 276))
    }

    @Test func rawIPv4AndIPv6() throws {
        expectOneSMBFlow(try read(Self.timed(Self.smbConversation()), dataLink: 12))
        expectOneSMBFlow(try read(Self.timed(Self.smbConversation()), dataLink: 228))
        let ipv6 = Self.smbConversation(TestPacket.client6, TestPacket.server6) { TestPacket.ipv6($0, $1, $2) }
        expectOneSMBFlow(try read(Self.timed(ipv6), dataLink: 229),
                         endpoints: "2001:db8::5:50000 → 2001:db8::9:445", ipBytes: (400, 480))
    }

    @Test func loopbackInBothByteOrders() throws {
        let null = Self.smbConversation().map { TestPacket.loopback($0, family: 2, bigEndian: false) }
        expectOneSMBFlow(try read(Self.timed(null), dataLink: 0))
        let ipv6 = Self.smbConversation(TestPacket.client6, TestPacket.server6) { TestPacket.ipv6($0, $1, $2) }
        let loop = ipv6.map { TestPacket.loopback($0, family: 30, bigEndian: true) }
        expectOneSMBFlow(try read(Self.timed(loop), dataLink: 108),
                         endpoints: "2001:db8::5:50000 → 2001:db8::9:445", ipBytes: (400, 480))
    }

    @Test func nonIPFramesAreSkippedNotRejected() throws {
        let arp = [UInt8](repeating: 0xFF, count: 12) + [0x08, 0x06] + [UInt8](repeating: 0, count: 28)
        let result = try read(Self.timed([arp] + Self.smbConversation().map { TestPacket.ethernet($0) }))
        #expect(result.summary.skipped == 1)
        #expect(result.summary.lines == 9)
        #expect(result.events.count == 1)
    }

    // MARK: IP

    @Test func ipv6ExtensionHeadersBeforeTCP() throws {
        let hopByHop: (UInt8, [UInt8]) = (0, [0, 0, 1, 4, 0, 0, 0, 0])
        let destinationOptions: (UInt8, [UInt8]) = (60, [0, 1] + [UInt8](repeating: 0, count: 14))
        let frames = Self.smbConversation(TestPacket.client6, TestPacket.server6) {
            TestPacket.ipv6($0, $1, $2, extensions: [hopByHop, destinationOptions])
        }
        expectOneSMBFlow(try read(Self.timed(frames), dataLink: 229),
                         endpoints: "2001:db8::5:50000 → 2001:db8::9:445", ipBytes: (520, 552))
    }

    @Test func fragmentsAreCountedAndLaterOnesNotReadAsTCP() throws {
        // A first fragment (MF set) holds the TCP header; the later fragment's payload looks like a
        // TCP header to port 445 from port 1234, which must not become a flow.
        let first = TestPacket.ipv4(TestPacket.client, TestPacket.server, TestPacket.tcp(50_000, 445, flags: TestPacket.syn), fragment: 0x2000)
        let later = TestPacket.ipv4(TestPacket.client, TestPacket.server, TestPacket.tcp(1234, 445, flags: TestPacket.syn), fragment: 3)
        let fragment6 = (UInt8(44), [UInt8](arrayLiteral: 0, 0, 0, 0x18, 0, 0, 0, 1))
        let later6 = TestPacket.ipv6(TestPacket.client6, TestPacket.server6, TestPacket.tcp(1234, 445, flags: TestPacket.syn),
                                     extensions: [fragment6])
        let result = try read(Self.timed([first, later, later6]), dataLink: 12)
        #expect(result.summary.capture?.fragments == 3)
        #expect(result.summary.rejected == 0)
        #expect(result.flows.map(\.originator.port) == [50_000])
        #expect(result.flows.first?.originatorCounts.packets == 1)
    }

    @Test func aMalformedPacketIsRejectedWithItsNumberAndTheRestIsRead() throws {
        var frames = Self.smbConversation().map { TestPacket.ethernet($0) }
        // An IPv4 header claiming 60 bytes in a packet cut after 40 of them.
        var broken = Array(frames[3].prefix(14 + 40))
        broken[14] = 0x4F
        frames.insert(broken, at: 4)
        frames.insert(TestPacket.ethernet([0x45, 0, 0, 10] + [UInt8](repeating: 0, count: 16)), at: 5)
        let result = try read(Self.timed(frames))
        #expect(result.summary.rejected == 2)
        let issues = result.summary.issues.map { $0.description.split(separator: ":", maxSplits: 1).last.map(String.init) ?? "" }
        #expect(issues == ["packet 5: IPv4 header cut short (40 of 60 bytes captured)",
                           "packet 6: IPv4 total length 10 is shorter than its header (20)"])
        #expect(result.events.count == 1)
        #expect(result.events.first?.sourcePackets == 5)
    }

    @Test func strictModeStopsAtTheFirstMalformedPacket() throws {
        var frames = Self.smbConversation().map { TestPacket.ethernet($0) }
        frames.insert([0, 1, 2], at: 2)
        let result = try read(Self.timed(frames), options: IngestOptions(strict: true))
        #expect(result.summary.fatalError == "stopped at packet 3 (strict mode): Ethernet header cut short (3 bytes captured)")
        #expect(result.events.first?.sourcePackets == 1)
    }

    @Test func randomBytesNeverTrapTheDecoder() {
        var generator = SystemRandomNumberGenerator()
        for linkType in [LinkType.ethernet, .linuxCooked, .linuxCookedV2, .rawIP, .loopback] {
            let decoder = PacketDecoder(linkType: linkType)
            for _ in 0..<5_000 {
                var bytes = (0..<Int.random(in: 0...120, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                // Make IP likely, so the deeper headers are reached too.
                if bytes.count > 24, Bool.random(using: &generator) { bytes[0] = Bool.random() ? 0x45 : 0x60; bytes[12] = 0x08; bytes[13] = 0 }
                _ = decoder.decode(bytes.span)
            }
        }
    }

    // MARK: How flows end

    @Test func aSYNWithNoReplyIsAnAttempt() throws {
        let syn = TestPacket.ipv4(TestPacket.client, TestPacket.server, TestPacket.tcp(50_001, 445, flags: TestPacket.syn))
        let result = try read(Self.timed([syn, syn, syn], step: Self.second), dataLink: 12)
        #expect(result.events.count == 1)
        #expect(result.events.first?.connectionState == "attempt")
        #expect(result.events.first?.sourcePackets == 3)
        #expect(result.events.first?.destinationPackets == 0)
    }

    @Test func aResetEndsTheFlowAndANewSYNStartsAnother() throws {
        let out = { (flags: UInt8) in TestPacket.ipv4(TestPacket.client, TestPacket.server, TestPacket.tcp(50_002, 445, flags: flags)) }
        let back = { (flags: UInt8) in TestPacket.ipv4(TestPacket.server, TestPacket.client, TestPacket.tcp(445, 50_002, flags: flags)) }
        let frames = [out(TestPacket.syn), back(TestPacket.rst | TestPacket.ack), out(TestPacket.syn), back(TestPacket.syn | TestPacket.ack)]
        let result = try read(Self.timed(frames), dataLink: 12)
        #expect(result.events.map(\.connectionState) == ["reset", "established"])
        #expect(result.events.map(\.sourcePackets) == [1, 1])
    }

    @Test func theOriginatorIsTheSYNsSenderEvenWhenTheServerSpeaksFirst() throws {
        // A SYN-ACK seen first (the SYN was not captured): its receiver is the originator.
        let frames = [
            TestPacket.ipv4(TestPacket.server, TestPacket.client, TestPacket.tcp(445, 50_003, flags: TestPacket.syn | TestPacket.ack)),
            TestPacket.ipv4(TestPacket.client, TestPacket.server, TestPacket.tcp(50_003, 445, flags: TestPacket.ack)),
        ]
        let result = try read(Self.timed(frames), dataLink: 12)
        #expect(result.events.first?.endpoints == "10.0.0.5:50003 → 10.0.0.9:445")
        // Without a SYN, the first packet's sender is the originator.
        let udp = [TestPacket.ipv4(TestPacket.server, TestPacket.client, protocol: 17, TestPacket.udp(53, 40_000))]
        #expect(try read(Self.timed(udp), dataLink: 12).flows.first?.originator.port == 53)
    }

    @Test func anIdleTimeoutOf30SecondsSplitsAFlow() throws {
        let packet = TestPacket.ipv4(TestPacket.client, TestPacket.server, TestPacket.tcp(50_004, 445, flags: TestPacket.ack))
        let gaps: [Int64] = [0, 20, 40, 75] // 20 s later: the same flow; 20 s after that: still; 35 s later: a new one
        var elapsed: Int64 = 0
        let packets = gaps.map { gap in
            elapsed = gap
            return Packet(time: Self.start + elapsed * Self.second, bytes: packet)
        }
        let result = try read(packets, dataLink: 12)
        #expect(result.events.map(\.sourcePackets) == [3, 1])
        #expect(result.events.first?.durationNanoseconds == 40 * Self.second)
        let shorter = FlowSettings(timeoutNanoseconds: 5 * Self.second, periodNanoseconds: Self.second)
        #expect(try read(packets, dataLink: 12, options: IngestOptions(flows: shorter)).events.count == 4)
    }

    @Test func theFlowTableIsBoundedAndEvictsTheLongestIdle() throws {
        let packets = (0..<100).map { index in
            Packet(time: Self.start + Int64(index) * 1_000,
                   bytes: TestPacket.ipv4(TestPacket.client, TestPacket.server, TestPacket.tcp(UInt16(40_000 + index), 445, flags: TestPacket.syn)))
        }
        let options = IngestOptions(flows: FlowSettings(capacity: 16))
        let result = try read(packets, dataLink: 12, options: options)
        #expect(result.summary.events == 100)
        #expect(result.events.count == 100)
        #expect(result.summary.capture?.evictedFlows == 84)
        #expect(result.summary.capture?.flowTableCapacity == 16)
        #expect(result.flows.map(\.originator.port) == (0..<100).map { UInt16(40_000 + $0) })
    }

    // MARK: Files

    @Test func nanosecondTimesAreKept() throws {
        let frames = Self.smbConversation()
        let packets = frames.enumerated().map { Packet(time: Self.start + 123_456_789 + Int64($0.offset), bytes: $0.element) }
        let result = try read(packets, dataLink: 12, nanoseconds: true)
        #expect(result.flows.first?.firstTime == Self.start + 123_456_789)
        #expect(result.flows.first?.lastTime == Self.start + 123_456_796)
        #expect(result.events.first?.durationNanoseconds == 7)
        let micro = try read(packets, dataLink: 12)
        #expect(micro.flows.first?.firstTime == Self.start + 123_456_000)
    }

    @Test func aBigEndianCaptureReadsLikeALittleEndianOne() throws {
        let path = SyntheticCapture.temporaryPath("little.pcap")
        defer { unlink(path) }
        SyntheticCapture.write(Self.timed(Self.smbConversation().map { TestPacket.ethernet($0) }), nanoseconds: true, to: path)
        let little = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let big = SyntheticCapture.byteSwapped(little)
        #expect(big[0] == 0xA1 && big[1] == 0xB2 && big[2] == 0x3C)
        let bigPath = SyntheticCapture.temporaryPath("big.pcap")
        defer { unlink(bigPath) }
        try Data(big).write(to: URL(fileURLWithPath: bigPath))
        #expect(try allFlows(atPath: bigPath).map(\.networkEvent) == allFlows(atPath: path).map(\.networkEvent))
        let (summary, events) = try ingestCapture(atPath: bigPath)
        expectOneSMBFlow((summary, events.map(\.event), []))
    }

    @Test func pcapngWithTwoInterfacesAndTheirOwnTimeResolution() throws {
        let frames = Self.smbConversation().map { TestPacket.ethernet($0) }
        let packets = Self.timed(frames).enumerated().map { (interface: UInt32($0.offset % 2), packet: $0.element) }
        let file = SyntheticCapture.pcapng(packets, interfaces: [(1, false), (1, true)])
        let path = SyntheticCapture.temporaryPath("capture.pcapng")
        defer { unlink(path) }
        try Data(file).write(to: URL(fileURLWithPath: path))
        let (summary, events) = try ingestCapture(atPath: path)
        #expect(summary.format == .pcap)
        expectOneSMBFlow((summary, events.map(\.event), []))
        #expect(try allFlows(atPath: path).first?.lastTime == Self.start + 7_000_000)
    }

    @Test func aTruncatedCaptureKeepsWhatWasReadAndSaysWhereItStopped() throws {
        let path = SyntheticCapture.temporaryPath("cut.pcap")
        defer { unlink(path) }
        SyntheticCapture.write(Self.timed(Self.smbConversation().map { TestPacket.ethernet($0) }), to: path)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        try whole.prefix(whole.count - 20).write(to: URL(fileURLWithPath: path))
        let (summary, events) = try ingestCapture(atPath: path)
        let stop = try #require(summary.fatalError)
        #expect(stop.hasPrefix("the capture stops after packet 7: truncated dump file"), "\(stop)")
        #expect(events.count == 1)
        #expect(events.first?.event.sourcePackets == 4)
        #expect(events.first?.event.destinationPackets == 3)
    }

    @Test func aTruncatedGzipCaptureSaysSo() throws {
        let path = SyntheticCapture.temporaryPath("capture.pcap")
        defer { unlink(path) }
        SyntheticCapture.write(Self.timed(Self.smbConversation().map { TestPacket.ethernet($0) }), to: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-f", path]
        try process.run()
        process.waitUntilExit()
        let gzipped = try Data(contentsOf: URL(fileURLWithPath: path + ".gz"))
        defer { unlink(path + ".gz") }
        #expect(try ingestCapture(atPath: path + ".gz").events.first?.event.sourcePackets == 5)
        try gzipped.prefix(gzipped.count - 30).write(to: URL(fileURLWithPath: path + ".gz"))
        let (summary, _) = try ingestCapture(atPath: path + ".gz")
        #expect(summary.format == .pcap)
        #expect(summary.fatalError?.contains("truncated gzip stream") == true, "\(summary.fatalError ?? "nil")")
    }

    @Test func aCaptureNamedAsALogFormatIsNotSniffedAndPcapOnALogIsRefused() throws {
        let path = SyntheticCapture.temporaryPath("capture.pcap")
        defer { unlink(path) }
        SyntheticCapture.write(Self.timed(Self.smbConversation()), dataLink: 12, to: path)
        #expect(try ingestCapture(atPath: path, options: IngestOptions(format: .pcap)).events.count == 1)
        #expect(try ingestCapture(atPath: path, options: IngestOptions(format: .ecs)).summary.fatalError?.contains("binary") == true)
        let log = SyntheticCapture.temporaryPath("log.json")
        defer { unlink(log) }
        try Data("{}\n".utf8).write(to: URL(fileURLWithPath: log))
        #expect(try ingestCapture(atPath: log, options: IngestOptions(format: .pcap)).summary.fatalError
            == "not a packet capture: no pcap or pcapng magic bytes")
    }
}
