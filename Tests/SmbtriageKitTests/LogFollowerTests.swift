import Foundation
import Ingest
@testable import SmbtriageKit
import Testing

/// What `watch` reads from a followed log at each poll, across growth, rotation and restarts.
@Suite struct LogFollowerTests {
    let fixture: KitFixture
    let path: String

    init() throws {
        fixture = try KitFixture()
        path = fixture.directory.appendingPathComponent("flows.ndjson").path
    }

    private func write(lines count: Int, from first: Int = 0, to target: String? = nil) throws {
        let lines = try KitFixture.lines("flows.ndjson", first + count).split(separator: "\n").dropFirst(first)
        try (lines.joined(separator: "\n") + "\n").write(toFile: target ?? path, atomically: false, encoding: .utf8)
    }

    private func append(line index: Int) throws {
        let line = try KitFixture.lines("flows.ndjson", index + 1).split(separator: "\n")[index]
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((line + "\n").utf8))
        try handle.close()
    }

    @Test func readsWhatTheFileGainedOnceAcrossPollsAndRestarts() throws {
        let follower = LogFollower(session: try fixture.session())
        try write(lines: 1)
        #expect(try follower.poll(InputFile(path: path)).map(\.inserted) == [1])
        #expect(try follower.poll(InputFile(path: path)).isEmpty, "nothing new")
        try append(line: 1)
        let grown = try follower.poll(InputFile(path: path))
        #expect(grown.map(\.summary.lines) == [1] && grown.map(\.inserted) == [1])
        let restarted = LogFollower(session: try fixture.session())
        #expect(try restarted.poll(InputFile(path: path)).isEmpty, "the checkpoint is in the store")
    }

    @Test func aRotatedFileIsFinishedFromItsNewNameThenTheNewFileIsRead() throws {
        let follower = LogFollower(session: try fixture.session())
        try write(lines: 1)
        _ = try follower.poll(InputFile(path: path))
        try append(line: 1)
        try FileManager.default.moveItem(atPath: path, toPath: path + ".1")
        try write(lines: 2, from: 2)
        let results = try follower.poll(InputFile(path: path))
        #expect(results.map(\.summary.lines) == [1, 2])
        #expect(results.map(\.inserted) == [1, 0])
        #expect(results.last?.summary.rejected == 1)
    }

    @Test func theTallySumsWhatWasReadBetweenExecutions() throws {
        let follower = LogFollower(session: try fixture.session())
        try write(lines: 4)
        var tally = WatchTally()
        #expect(tally.summary == "read since the last execution: 0 lines from 0 files, 0 SMB kept (0 new), 0 rejected")
        try follower.poll(InputFile(path: path)).forEach { tally.add($0) }
        try follower.poll(InputFile(path: path)).forEach { tally.add($0) }
        #expect(tally.summary == "read since the last execution: 4 lines from 1 file, 2 SMB kept (2 new), 1 rejected")
    }
}
