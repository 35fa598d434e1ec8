/// Where an event row's original record is (`event.record_ref`, v24): its `record_block` row's id
/// times 16 plus its slot in the block, one integer (3 bytes in the row up to 524 k blocks) with
/// no index: a block counts the rows pointing into it itself (`record_block.live`).
enum RecordReference {
    /// The reference to slot `slot` of block `block`.
    static func of(block: Int64, slot: Int) -> Int64 {
        block * Int64(RecordBlock.capacity) + Int64(slot)
    }

    /// The block a reference points into.
    static func block(of reference: Int64) -> Int64 { reference / Int64(RecordBlock.capacity) }

    /// The slot a reference points at.
    static func slot(of reference: Int64) -> Int { Int(reference % Int64(RecordBlock.capacity)) }

    /// `block(of:)` of the reference column `column` in SQL.
    static func blockSQL(_ column: String) -> String { "(\(column) / \(RecordBlock.capacity))" }
}
