/// Exception items on single IPv4 addresses, the shape analysts add most (one server, one
/// host → server pair), in an open-addressing hash table: one probe, usually one cache line,
/// where a range search walks a bucket table and a few range starts.
///
/// `ExceptionPrefixIndex` and `ExceptionPairIndex` keep their single-address items here. A key is
/// one IPv4 address, or a source and a destination packed in 64 bits; the value is the lowest item
/// number among the items that name it.
struct SingleAddressIndex: Sendable {
    private struct Slot {
        var key: UInt64
        /// -1 marks an empty slot.
        var item: Int32
    }

    private let slots: [Slot]
    private let mask: Int

    /// An index over `(key, item number)` pairs; a key may repeat, the lowest item is kept.
    init(_ entries: [(key: UInt64, item: Int)]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
        var slots = [Slot](repeating: Slot(key: 0, item: -1), count: entries.isEmpty ? 1 : capacity)
        let mask = slots.count - 1
        for entry in entries {
            var position = Self.hash(entry.key) & mask
            while slots[position].item >= 0, slots[position].key != entry.key { position = (position + 1) & mask }
            if slots[position].item < 0 || Int(slots[position].item) > entry.item {
                slots[position] = Slot(key: entry.key, item: Int32(entry.item))
            }
        }
        self.slots = slots
        self.mask = mask
        isEmpty = entries.isEmpty
    }

    let isEmpty: Bool

    /// The key of one IPv4 address.
    @inline(__always)
    static func key(_ address: UInt32) -> UInt64 { UInt64(address) }

    /// The key of an IPv4 source → destination pair.
    @inline(__always)
    static func key(source: UInt32, destination: UInt32) -> UInt64 { UInt64(source) << 32 | UInt64(destination) }

    /// The lowest item number stored under `key`, or nil.
    @inline(__always)
    func lowestItem(_ key: UInt64) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            var position = Self.hash(key) & mask
            while true {
                let slot = slots[position]
                if slot.item < 0 { return nil }
                if slot.key == key { return Int(slot.item) }
                position = (position + 1) & mask
            }
        }
    }

    /// Fibonacci hashing: bits 32 and up of the product spread neighbouring addresses apart.
    @inline(__always)
    private static func hash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }
}
