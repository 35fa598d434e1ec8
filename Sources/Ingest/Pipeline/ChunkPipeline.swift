import Foundation

/// Reads, parses and orders the chunks of one input on threads: one thread cuts chunks, `workers`
/// threads parse them (one parser each), and the caller takes the results in input order with
/// `next()`. At most `inFlightLimit` chunks exist at once, so memory stays bounded. A reader that
/// keeps state runs with one worker, which parses the chunks in order, unless it is a
/// `HeaderStatefulLineReader`: then each chunk comes with the reader's snapshot at its start
/// (`HeaderTracker`), and a worker given a chunk from another snapshot than its reader's goes on
/// from a copy of that snapshot's reader.
///
/// All mutable state is guarded by `condition`; the chunker and the header tracker are used only
/// by the cutting thread (and by `init`, before it starts).
final class ChunkPipeline<Reader: LineReader>: @unchecked Sendable {
    private let condition = NSCondition()
    private let chunker: LineChunker
    private let pool: ChunkBuffer.Pool
    private let options: IngestOptions
    private let path: String
    private let workers: Int
    private let inFlightLimit: Int

    /// Cut chunks not yet parsed, each with the header reader at its start (header-stateful
    /// readers only).
    private var pending: [(chunk: LineChunk, start: ReaderSnapshot<Reader>?)] = []
    private var results: [Int: ChunkResult] = [:]
    private var produced = 0
    private var consumed = 0
    private var readingEnded = false
    private var stopped = false
    private var runningThreads = 0
    /// Why the input ended early, once reading has ended.
    private(set) var sourceError: SourceError?

    private let primer: [[UInt8]]
    private var headerTracker: HeaderTracker<Reader>?

    /// `leading` are the chunks already cut (for sniffing), in order; `primer` lines go through
    /// each reader first (`LineReader.init(options:primer:)`).
    init(chunker: LineChunker, leading: [LineChunk], options: IngestOptions, path: String, workers: Int,
         primer: [[UInt8]] = []) {
        self.primer = primer
        headerTracker = HeaderTracker(startingFrom: Reader(options: options.reader, primer: primer))
        self.chunker = chunker
        pool = chunker.pool
        self.options = options
        self.path = path
        self.workers = workers
        inFlightLimit = workers * 2 + 2
        for chunk in leading { pending.append((chunk, headerTracker?.snapshot(atStartOf: chunk))) }
        produced = leading.count
    }

    /// Starts the cutting thread and the workers.
    func start() {
        condition.lock()
        runningThreads = workers + 1
        condition.unlock()
        spawn { $0.cutChunks() }
        for _ in 0..<workers { spawn { $0.parseChunks() } }
    }

    private func spawn(_ body: @escaping @Sendable (ChunkPipeline) -> Void) {
        let thread = Thread { [self] in
            body(self)
            condition.lock()
            runningThreads -= 1
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 4 << 20
        thread.start()
    }

    /// The next chunk's result in input order, or nil when the input is done (or `stop` was called).
    func next() -> ChunkResult? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped {
            if let result = results.removeValue(forKey: consumed) {
                consumed += 1
                condition.broadcast()
                return result
            }
            if readingEnded && consumed == produced { return nil }
            condition.wait()
        }
        return nil
    }

    /// Stops the threads and waits for them to end. Safe to call more than once.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while runningThreads > 0 { condition.wait() }
        condition.unlock()
    }

    private func cutChunks() {
        while true {
            condition.lock()
            while !stopped && produced - consumed >= inFlightLimit { condition.wait() }
            let stop = stopped
            condition.unlock()
            if stop { return }
            let chunk: LineChunk?
            var failure: SourceError?
            do throws(SourceError) {
                chunk = try chunker.next()
            } catch {
                chunk = nil
                failure = error
            }
            let start = chunk.flatMap { headerTracker?.snapshot(atStartOf: $0) }
            condition.lock()
            if let chunk {
                pending.append((chunk, start))
                produced += 1
            } else {
                sourceError = failure
                readingEnded = true
            }
            condition.broadcast()
            condition.unlock()
            if chunk == nil { return }
        }
    }

    private func parseChunks() {
        var parser = ChunkParser<Reader>(options: options, path: path, primer: primer)
        var parserStart: ReaderSnapshot<Reader>?
        while true {
            condition.lock()
            while !stopped && pending.isEmpty && !readingEnded { condition.wait() }
            if stopped || pending.isEmpty {
                condition.unlock()
                return
            }
            let (chunk, start) = pending.removeFirst()
            condition.unlock()
            if let start, start !== parserStart {
                parser = ChunkParser(reader: start.reader, options: options, path: path)
                parserStart = start
            }
            let result = parser.parse(chunk)
            if case .lines(let buffer, _) = chunk.content { pool.recycle(buffer) }
            condition.lock()
            results[result.sequence] = result
            condition.broadcast()
            condition.unlock()
        }
    }
}
