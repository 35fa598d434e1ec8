import GRDB

/// The writer's side of a batch's `RecordBlock`s: a block takes its `record_block` id when the
/// first row pointing into it is stored (a block every row of which was a duplicate is never
/// written), counts the rows stored into it, and is written, with that count as `live`, once the
/// batch's rows are (`write`), in the batch's transaction.
struct RecordBlockWriter {
    private let blocks: [RecordBlock]
    /// Each block's id, once a stored row points into it.
    private var ids: [Int64?]
    private var live: [Int]
    /// Which block took an id this batch.
    private var indexOfID: [Int64: Int] = [:]
    private var nextID: Int64

    init(_ db: Database, blocks: [RecordBlock]) throws {
        self.blocks = blocks
        ids = Array(repeating: nil, count: blocks.count)
        live = Array(repeating: 0, count: blocks.count)
        nextID = try RecordBlocks.nextID(db)
    }

    /// The `RecordReference` a row storing `event`'s record binds; call `stored` when it was stored.
    func reference(of event: PreparedEvent) -> Int64 {
        RecordReference.of(block: ids[event.block] ?? nextID, slot: event.slot)
    }

    /// Counts a stored row pointing at `event`'s record, giving its block an id if it has none.
    mutating func stored(_ event: PreparedEvent) {
        if ids[event.block] == nil {
            ids[event.block] = nextID
            indexOfID[nextID] = event.block
            nextID += 1
        }
        live[event.block] += 1
    }

    /// A stored row no longer points at `reference` (its report was replaced): the count of its
    /// block goes down, the block goes with its last row.
    mutating func release(_ reference: Int64, _ db: Database) throws {
        let id = RecordReference.block(of: reference)
        if let index = indexOfID[id] {
            live[index] -= 1
        } else {
            try RecordBlocks.release(db, rows: [id: 1])
        }
    }

    /// Writes the blocks some stored row points into.
    func write(_ db: Database) throws {
        for (index, id) in ids.enumerated() {
            guard let id, live[index] > 0 else { continue }
            try RecordBlocks.insert(db, id: id, live: live[index], blocks[index])
        }
    }
}
