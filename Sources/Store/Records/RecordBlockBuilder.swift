/// Makes `RecordBlock`s from records handed over one at a time: consecutive records of one format
/// share a block until it holds `RecordBlock.capacity` records or `RecordBlock.textCapacity`
/// bytes of text (a larger record is a block of its own). The writer's batches
/// (`PreparedBatch`) and the v24 migration (`RecordBlockCompaction`) both place records so.
struct RecordBlockBuilder {
    /// The blocks closed so far.
    private(set) var blocks: [RecordBlock] = []
    /// The records of the block not compressed yet, all of `openFormat`.
    private var open: [String] = []
    private var openFormat = ""
    private var openBytes = 0

    /// Places `text`, a record of `format`, in the open block or, when that one is full or of
    /// another format, in a new one (the open one compressed by `compressor`); returns the index
    /// of its block in `blocks` (once closed) and its slot there.
    mutating func add(_ text: String, format: String, compressor: RecordCompressor) -> (block: Int, slot: Int) {
        let size = text.utf8.count
        if !open.isEmpty && (format != openFormat || open.count == RecordBlock.capacity
                             || openBytes + size > RecordBlock.textCapacity) {
            closeOpenBlock(compressor)
        }
        defer {
            open.append(text)
            openFormat = format
            openBytes += size
        }
        return (blocks.count, open.count)
    }

    /// Compresses the open block, if any: call once every record is in.
    mutating func close(compressor: RecordCompressor) {
        if !open.isEmpty { closeOpenBlock(compressor) }
    }

    private mutating func closeOpenBlock(_ compressor: RecordCompressor) {
        blocks.append(RecordBlock(open, dictionary: RecordDictionary(format: openFormat), compressor: compressor))
        open.removeAll(keepingCapacity: true)
        openBytes = 0
    }
}
