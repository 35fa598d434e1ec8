import Foundation
import PropertyBased
import Testing
import TestSupport
@testable import Ingest

/// The byte sources (the kernels that read, `pread` and inflate into raw memory) against the bytes
/// a plain read gives, each read through buffers of generated sizes.
@Suite struct ByteSourceDifferentialTests {
    private static func bytes(_ random: inout SplitMix64, maximumCount: Int) -> [UInt8] {
        let lines: [UInt8] = [0x0A, 0x61, 0x62, 0x09]
        return (0..<random.next(below: maximumCount + 1)).map { _ in
            random.next(below: 2) == 0 ? lines[random.next(below: lines.count)] : UInt8(truncatingIfNeeded: random.next())
        }
    }

    /// Everything `source` gives, read into a buffer of `capacity` bytes at generated offsets.
    private static func drain(_ source: any ByteSource, _ random: inout SplitMix64) throws(SourceError) -> [UInt8] {
        let buffer = ChunkBuffer(capacity: 1 + random.next(below: 4_096))
        var result: [UInt8] = []
        while true {
            let offset = random.next(below: buffer.capacity)
            let count = try buffer.fill(from: source, at: offset)
            if count == 0 { return result }
            result += Array(buffer.content(count: offset + count).extracting(droppingFirst: offset))
        }
    }

    /// A file holding `bytes`, open for reading; the caller closes the descriptor.
    private static func openFile(holding bytes: [UInt8]) throws -> Int32 {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("smbtriage-source-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_RDONLY)
        try #require(descriptor >= 0)
        return descriptor
    }

    @Test func memoryGivesItsBytes() async {
        await propertyCheck(count: 300, input: Gen.uint64()) { seed in
            var random = SplitMix64(seed: seed)
            let plain = Self.bytes(&random, maximumCount: 20_000)
            let drained = try Self.drain(MemorySource(plain), &random)
            #expect(drained == plain)
        }
    }

    @Test func aDescriptorGivesItsHeadThenTheFile() async {
        await propertyCheck(count: 100, input: Gen.uint64()) { seed in
            var random = SplitMix64(seed: seed)
            let head = Self.bytes(&random, maximumCount: 5_000)
            let file = Self.bytes(&random, maximumCount: 20_000)
            let descriptor = try Self.openFile(holding: file)
            defer { close(descriptor) }
            let drained = try Self.drain(FileDescriptorSource(descriptor: descriptor, head: head), &random)
            #expect(drained == head + file)
        }
    }

    @Test func aDescriptorsHeadIsTheFilesPrefix() async {
        await propertyCheck(count: 100, input: Gen.uint64()) { seed in
            var random = SplitMix64(seed: seed)
            let file = Self.bytes(&random, maximumCount: 20_000)
            let count = random.next(below: 25_000)
            let descriptor = try Self.openFile(holding: file)
            defer { close(descriptor) }
            let head = try FileDescriptorSource.readHead(descriptor: descriptor, count: count)
            #expect(head == Array(file.prefix(count)))
        }
    }

    @Test func aFileRangeGivesTheBytesOfItsRangeAndFindsItsLastLineEnd() async {
        await propertyCheck(count: 100, input: Gen.uint64()) { seed in
            var random = SplitMix64(seed: seed)
            let file = Self.bytes(&random, maximumCount: 150_000)
            let start = random.next(below: file.count + 1)
            let end = start + random.next(below: file.count - start + 1)
            let descriptor = try Self.openFile(holding: file)
            defer { close(descriptor) }
            let source = FileRangeSource(descriptor: descriptor, start: Int64(start), end: Int64(end))
            let drained = try Self.drain(source, &random)
            #expect(drained == Array(file[start..<end]))
            let lastLineEnd = file[..<end].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let found = try FileRangeSource.endOfCompleteLines(descriptor: descriptor, size: Int64(end))
            #expect(found == Int64(lastLineEnd))
        }
    }

    /// Concatenated members larger than the source's input buffer inflate to the concatenated content.
    @Test func gzipMembersInflateToTheirContent() async {
        await propertyCheck(count: 20, input: Gen.uint64()) { seed in
            var random = SplitMix64(seed: seed)
            let members = (0..<(1 + random.next(below: 3))).map { _ in Self.bytes(&random, maximumCount: 300_000) }
            let source = try GzipSource(compressed: MemorySource(members.flatMap(gzip)))
            let drained = try Self.drain(source, &random)
            #expect(drained == members.flatMap { $0 })
        }
    }
}
