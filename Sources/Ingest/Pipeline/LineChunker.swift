import Foundation

/// Cuts a byte stream into `LineChunk`s of about `targetSize` bytes at line boundaries, numbering
/// the lines, stripping a leading UTF-8 byte-order mark. Memory stays bounded whatever the input:
/// a line longer than `maximumLineLength` is skipped (read and dropped) and reported as one
/// `overlongLine` chunk; when no line end follows within `maximumSkippedLength` (`/dev/zero`, a
/// disk image), reading stops with a `SourceError`. LF, CRLF and a lone CR (old Mac style) all end
/// a line, mixed in one input as they come: every lone CR read is turned into a LF. Chunk memory
/// comes from `pool`; whoever consumes a chunk recycles it.
final class LineChunker {
    /// Lines longer than this (1 MiB) are rejected unread.
    static let maximumLineLength = 1 << 20
    /// How far past an overlong line's start the next line end is looked for (64 MiB).
    static let maximumSkippedLength = 64 << 20

    let targetSize: Int
    let pool: ChunkBuffer.Pool
    private let source: any ByteSource
    /// The partial line after the last chunk's final newline.
    private let carry = ChunkBuffer(capacity: LineChunker.maximumLineLength)
    private var carried = 0
    private var ended = false
    private var skippingOverlongLine = false
    /// The bytes dropped as part of an overlong line ended with a CR the read could not decide
    /// yet: a line end unless the next byte read is a LF.
    private var droppedBytesEndInCarriageReturn = false
    /// A read error held back until the complete lines read before it are handed out.
    private(set) var pendingFailure: SourceError?
    private var nextSequence = 0
    private var nextLine = 1

    /// `firstLine` numbers the source's first line (a followed file resumes mid-way).
    init(source: any ByteSource, firstLine: Int = 1, targetSize: Int = 2 << 20) {
        precondition(targetSize > Self.maximumLineLength, "a chunk must hold the longest line")
        self.source = source
        self.targetSize = targetSize
        nextLine = firstLine
        pool = ChunkBuffer.Pool(capacity: targetSize + 64 * 1024)
    }

    /// The next chunk, or nil at the end of the input. A read error comes after the complete
    /// lines read before it (a partial last line is dropped).
    func next() throws(SourceError) -> LineChunk? {
        if let pendingFailure {
            self.pendingFailure = nil
            throw pendingFailure
        }
        if skippingOverlongLine { return try skipOverlongLine() }
        let buffer = pool.obtain()
        buffer.copy(0..<carried, of: carry, to: 0)
        var filled = carried
        carried = 0
        while filled < targetSize && !ended {
            do throws(SourceError) {
                let count = try read(into: buffer, at: filled)
                if count == 0 { ended = true }
                filled += count
            } catch {
                ended = true
                pendingFailure = error
                // A CR the bytes end with ends its line: no byte follows to make it a CRLF.
                if filled > 0, buffer.content(count: filled)[filled - 1] == 0x0D { break }
                guard let lastNewline = buffer.content(count: filled).lastIndex(of: 0x0A) else {
                    pool.recycle(buffer)
                    return try next()
                }
                filled = lastNewline + 1
            }
        }
        if nextSequence == 0 {
            if buffer.content(count: filled).starts(with: [0xEF, 0xBB, 0xBF]) {
                buffer.copy(3..<filled, of: buffer, to: 0)
                filled -= 3
            }
        }
        if ended {
            guard filled > 0 else {
                pool.recycle(buffer)
                return nil
            }
            return makeChunk(buffer, count: filled)
        }
        let endsInCarriageReturn = buffer.content(count: filled)[filled - 1] == 0x0D
        guard let lastNewline = buffer.content(count: filled).lastIndex(of: 0x0A) else {
            pool.recycle(buffer)
            droppedBytesEndInCarriageReturn = endsInCarriageReturn
            return try skipOverlongLine()
        }
        let end = lastNewline + 1
        let rest = filled - end
        if rest > Self.maximumLineLength {
            skippingOverlongLine = true
            droppedBytesEndInCarriageReturn = endsInCarriageReturn
        } else {
            carry.copy(end..<filled, of: buffer, to: 0)
            carried = rest
        }
        return makeChunk(buffer, count: end)
    }

    /// The input's first chunks, as many as hold `lineCount` lines (fewer at the end of the input
    /// or once they hold `byteLimit` bytes): what sniffing looks at before the chunks are parsed.
    /// A read error met on the way is held back for `next()` to throw.
    func leadingChunks(holding lineCount: Int, byteLimit: Int) -> [LineChunk] {
        var chunks: [LineChunk] = []
        var lines = 0
        var bytes = 0
        while lines < lineCount, bytes < byteLimit {
            do throws(SourceError) {
                guard let chunk = try next() else { break }
                chunks.append(chunk)
                lines += chunk.lineCount
                if case .lines(_, let count) = chunk.content { bytes += count }
            } catch {
                pendingFailure = error
                break
            }
        }
        return chunks
    }

    private func makeChunk(_ buffer: ChunkBuffer, count: Int) -> LineChunk {
        let bytes = buffer.content(count: count)
        var lines = ByteSearchKernel.newlines(in: bytes)
        if bytes[count - 1] != 0x0A { lines += 1 }
        defer {
            nextSequence += 1
            nextLine += lines
        }
        return LineChunk(sequence: nextSequence, firstLine: nextLine, lineCount: lines,
                         content: .lines(buffer, count: count))
    }

    /// Reads from the source, lone CRs turned into line ends. A CR that ended the bytes before
    /// `offset` is looked at again, now that the byte after it is read.
    private func read(into buffer: ChunkBuffer, at offset: Int) throws(SourceError) -> Int {
        let count = try buffer.fill(from: source, at: offset)
        buffer.turnLoneCarriageReturnsIntoLineFeeds(in: max(0, offset - 1)..<(offset + count))
        return count
    }

    /// Reads past the end of the current (overlong) line and reports it. When no line end comes
    /// within `maximumSkippedLength`, reading stops: the line is reported, then the error. Each
    /// read overwrites the one before, so a CR that ended it is decided here, by the next byte.
    private func skipOverlongLine() throws(SourceError) -> LineChunk {
        skippingOverlongLine = false
        var skipped = 0
        var afterCarriageReturn = droppedBytesEndInCarriageReturn
        droppedBytesEndInCarriageReturn = false
        while !ended {
            let count = try read(into: carry, at: 0)
            if count == 0 {
                ended = true
                break
            }
            if afterCarriageReturn, carry.content(count: count)[0] != 0x0A {
                // The CR that ended the bytes dropped was a lone one: the line ended with it.
                carried = count
                break
            }
            afterCarriageReturn = carry.content(count: count)[count - 1] == 0x0D
            if let newline = carry.content(count: count).firstIndex(of: 0x0A, from: 0) {
                let end = newline + 1
                carried = count - end
                carry.copy(end..<count, of: carry, to: 0)
                break
            }
            skipped += count
            if skipped > Self.maximumSkippedLength {
                ended = true
                pendingFailure = SourceError(message: "no line end within \(Self.maximumSkippedLength >> 20) MiB "
                    + "after the start of line \(nextLine): not a line-oriented text log; reading stopped")
                break
            }
        }
        defer {
            nextSequence += 1
            nextLine += 1
        }
        return LineChunk(sequence: nextSequence, firstLine: nextLine, lineCount: 1, content: .overlongLine)
    }
}
