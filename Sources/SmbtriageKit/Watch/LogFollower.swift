import Foundation
import Ingest
import Store

/// Reads what each followed file gained since the stored checkpoint, across rotation and restarts,
/// and each complete packet capture once.
struct LogFollower {
    let session: IngestSession

    /// The new complete lines of `file` (and of its rotated predecessor, when it was rotated).
    func poll(_ file: InputFile) throws -> [IngestSession.FileResult] {
        guard let identity = FileIdentity(path: file.path) else { return [] }
        let key = Self.checkpointKey(file)
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

    /// Reads a complete capture whole, as `ingest` does, unless its checkpoint says this file (the
    /// same device, inode and size) was read already; nil then, and for a file a ring buffer
    /// removed meanwhile.
    func read(capture file: InputFile) throws -> IngestSession.FileResult? {
        guard let identity = FileIdentity(path: file.path) else { return nil }
        let key = Self.checkpointKey(file)
        if let checkpoint = try session.store.checkpoint(path: key), checkpoint.device == identity.device,
           checkpoint.inode == identity.inode, checkpoint.offset == identity.size {
            return nil
        }
        let result = try session.ingest(file, ingestedAt: Date())
        guard result.summary.fatalError == nil || FileIdentity(path: file.path) != nil else { return nil }
        try session.store.saveCheckpoint(FileCheckpoint(path: key, device: identity.device, inode: identity.inode,
                                                        offset: identity.size, line: result.summary.lines))
        return result
    }

    private static func checkpointKey(_ file: InputFile) -> String {
        URL(fileURLWithPath: file.path).standardizedFileURL.path
    }
}
