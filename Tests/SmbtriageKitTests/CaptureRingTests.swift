import Foundation
import Ingest
@testable import SmbtriageKit
import Store
import Testing

/// `watch DIR` on a directory a ring buffer writes (`tcpdump -G/-W`, `dumpcap -b`): each capture is
/// read whole, once, when the writer has moved on to the next (or left it idle), across restarts,
/// and files the rotation removes are no error.
@Suite struct CaptureRingTests {
    let fixture: KitFixture
    let ring: URL
    let now = Date()
    /// The captures in the order the ring buffer wrote them.
    let names = ["ring_00001.pcap", "ring_00002.pcap", "ring_00003.pcap"]

    init() throws {
        fixture = try KitFixture()
        ring = fixture.directory.appendingPathComponent("ring")
        let sources = ["smb1-01_smb1.pcap", "smb3-01_input.pcap", "tcp.pcap"]
        for (index, (source, name)) in zip(sources, names).enumerated() {
            let path = try fixture.copy("captures/\(source)", as: "ring/\(name)")
            // Written 5 minutes apart; the last one was written a second ago.
            try setModified(path, now.addingTimeInterval(index == 2 ? -1 : Double(index - 3) * 300))
        }
    }

    private func setModified(_ path: String, _ date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
    }

    private func path(_ name: String) -> String { ring.appendingPathComponent(name).path }

    private func captures() throws -> [InputFile] {
        let listed = try InputFiles.expand([ring.path]).files
        #expect(listed.allSatisfy { $0.isPacketCapture })
        return listed
    }

    @Test func theCapturesTheWriterMovedOnFromAreCompleteOldestFirst() throws {
        #expect(CaptureRing().completed(try captures(), at: now).map(\.path) == names.prefix(2).map(path))
        // The newest counts as closed once it has stayed unchanged for the idle interval.
        let later = now.addingTimeInterval(CaptureRing.defaultIdleInterval)
        #expect(CaptureRing().completed(try captures(), at: later).map(\.path) == names.map(path))
    }

    @Test func eachCompleteCaptureIsReadOnceAsIngestReadsIt() throws {
        let follower = LogFollower(session: try fixture.session())
        let complete = CaptureRing().completed(try captures(), at: now)
        let results = try complete.compactMap { try follower.read(capture: $0) }
        #expect(results.map(\.summary.format) == [.pcap, .pcap])
        #expect(results.allSatisfy { $0.summary.smbEvents > 0 && $0.inserted == $0.summary.smbEvents })
        #expect(results.allSatisfy { $0.summary.fatalError == nil && $0.summary.capture != nil })
        #expect(try complete.compactMap { try follower.read(capture: $0) }.isEmpty, "read once")

        // The same flows as `ingest FILE.pcap` into another store.
        let other = try KitFixture()
        let ingested = try complete.map { try other.session().ingest($0, ingestedAt: now) }
        #expect(ingested.map(\.summary.smbEvents) == results.map(\.summary.smbEvents))
        #expect(ingested.map(\.summary.lines) == results.map(\.summary.lines))
    }

    @Test func aRestartedWatchReadsNothingTwiceAndRemovedFilesAreNoError() throws {
        let first = LogFollower(session: try fixture.session())
        for capture in CaptureRing().completed(try captures(), at: now) { _ = try first.read(capture: capture) }

        // The ring buffer removes the oldest file; the writer moves on to a fourth.
        try FileManager.default.removeItem(atPath: path(names[0]))
        let fourth = try fixture.copy("captures/tcp.pcap", as: "ring/ring_00004.pcap")
        try setModified(fourth, now)
        let restarted = LogFollower(session: try fixture.session())
        let complete = CaptureRing().completed(try captures(), at: now)
        #expect(complete.map(\.path) == [path(names[1]), path(names[2])])
        let results = try complete.compactMap { try restarted.read(capture: $0) }
        #expect(results.map(\.summary.path) == [path(names[2])], "only the capture completed since")

        // A file removed between the listing and its reading is passed over.
        try FileManager.default.removeItem(atPath: fourth)
        #expect(try restarted.read(capture: InputFile(path: fourth)) == nil)
    }

    @Test func aCaptureRewrittenUnderTheSameNameIsReadAgain() throws {
        let follower = LogFollower(session: try fixture.session())
        let oldest = InputFile(path: path(names[0]))
        #expect(try follower.read(capture: oldest) != nil)
        // `tcpdump -W` wraps around: the first name is written again, with other packets.
        try FileManager.default.removeItem(atPath: oldest.path)
        try fixture.copy("captures/smb3-01_input.pcap", as: "ring/\(names[0])")
        let reread = try #require(try follower.read(capture: oldest))
        #expect(reread.summary.lines > 0)
    }
}
