import ArgumentParser
import Detection
import Foundation
import Ingest
import Store

/// `smbtriage watch FILE|DIR …`: follow growing logs and run the rule every interval.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Follow growing logs into the store and run the rule every interval.",
        discussion: """
        New complete lines are read every second. Where each file was read up to is stored in the \
        database, so a restarted watch goes on where it stopped. A rotated file (renamed, a new one \
        created) is finished from its new name in the same directory, then the new file is read from \
        its start. Directories are rescanned for new files. Stop with Ctrl-C.
        """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var reading: ReadingOptions
    @Option(help: "How often the rule runs (the rule's own interval by default): 30s, 5m, 1h.")
    var interval: String?
    @Argument(help: "Files or directories to follow.") var inputs: [String]

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("name at least one file or directory.") }
        guard !inputs.contains("-") else { throw ValidationError("watch follows files; use ingest for standard input.") }
        if let interval, DateExpression.duration(interval) == nil {
            throw ValidationError("--interval \(interval) is not a duration such as 30s, 5m or 1h.")
        }
    }

    func run() throws {
        let session = try IngestSession(store: store.open(), options: reading.ingestOptions)
        let ruleInterval = DateExpression.duration(interval ?? session.rule.rule.interval) ?? 300
        let follower = LogFollower(session: session)
        var nextExecution = Date()
        StandardOutput.print("watching \(inputs.count) inputs; the rule runs every \(Int(ruleInterval)) s (Ctrl-C stops)")
        var reportedSkips: Set<SkippedInput> = []
        while true {
            let listing = try InputFiles.expand(inputs)
            for skipped in listing.skipped where reportedSkips.insert(skipped).inserted {
                StandardError.print(IngestReport.skippedLine(skipped))
            }
            for file in listing.files {
                for result in try follower.poll(file) {
                    IngestReport.issueLines(result.summary).forEach(StandardError.print)
                    if result.summary.lines > 0 { StandardOutput.print(IngestReport.fileLine(result)) }
                }
            }
            if Date() >= nextExecution {
                let execution = try session.store.runExecution(at: Date(), rule: session.rule)
                StandardOutput.print(IngestReport.executionLine(execution))
                nextExecution = Date().addingTimeInterval(ruleInterval)
            }
            Thread.sleep(forTimeInterval: 1)
        }
    }
}

/// Reads what each followed file gained since the stored checkpoint, across rotation and restarts.
struct LogFollower {
    let session: IngestSession

    /// The new complete lines of `file` (and of its rotated predecessor, when it was rotated).
    func poll(_ file: InputFile) throws -> [IngestSession.FileResult] {
        guard let identity = FileIdentity(path: file.path) else { return [] }
        let key = URL(fileURLWithPath: file.path).standardizedFileURL.path
        let checkpoint = try session.store.checkpoint(path: key)
        var results: [IngestSession.FileResult] = []
        var position = ReadPosition.start
        if let checkpoint {
            if checkpoint.device == identity.device, checkpoint.inode == identity.inode {
                guard identity.size != checkpoint.offset else { return [] }
                if identity.size > checkpoint.offset {
                    position = ReadPosition(offset: checkpoint.offset, line: checkpoint.line)
                }
            } else if let rotated = FileIdentity.sibling(of: file.path, device: checkpoint.device,
                                                         inode: checkpoint.inode) {
                let rest = ReadPosition(offset: checkpoint.offset, line: checkpoint.line)
                let tail = try session.ingest(InputFile(path: rotated), from: rest, ingestedAt: Date())
                results.append(tail.result)
            }
        }
        let read = try session.ingest(file, from: position, ingestedAt: Date())
        results.append(read.result)
        try session.store.saveCheckpoint(FileCheckpoint(path: key, device: identity.device,
                                                        inode: identity.inode, offset: read.end.offset,
                                                        line: read.end.line))
        return results
    }
}

/// A file's device, inode and size: how `watch` tells growth from rotation.
struct FileIdentity {
    var device: UInt64
    var inode: UInt64
    var size: Int64

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
    }

    /// A file in the same directory as `path` with the given identity: a rotated log's new name.
    static func sibling(of path: String, device: UInt64, inode: UInt64) -> String? {
        let directory = (path as NSString).deletingLastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        return names.lazy.map { (directory as NSString).appendingPathComponent($0) }.first { candidate in
            guard let identity = FileIdentity(path: candidate) else { return false }
            return identity.device == device && identity.inode == inode
        }
    }
}
