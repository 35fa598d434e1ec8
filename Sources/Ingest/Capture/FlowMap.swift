/// The flows of a `FlowTable` by key: the flows in one array (a slot each; removing one moves the
/// last into its slot), found through an open-addressing index with linear probing and backward-shift
/// deletion, kept at most half full. A packet's hash is computed once (`hash(of:)`), and its bucket
/// and then its flow can be prefetched ahead of the look-up (`FlowPipeline` does).
///
/// Swift's `Dictionary` hashes every key with a seeded SipHash; a packet's key needs only a few
/// multiplications. The keys come from the capture (an attacker's choice), so the hash is seeded at
/// random per map: colliding keys cannot be prepared in advance.
struct FlowMap {
    /// The flows, in no particular order.
    private(set) var values: [Flow] = []
    /// 0 for an empty bucket; else the flow's slot + 1 in the upper 32 bits and the low 32 bits of
    /// its key's hash in the lower (the bucket the probe starts from, without rehashing the key).
    private var buckets: [UInt64]
    private var mask: Int
    private let seed: UInt64

    /// Room for `capacity` flows before the index grows.
    init(capacity: Int, seed: UInt64 = .random(in: .min ... .max)) {
        var bucketCount = 16
        while bucketCount < 2 * capacity { bucketCount *= 2 }
        buckets = Array(repeating: 0, count: bucketCount)
        mask = bucketCount - 1
        self.seed = seed
        values.reserveCapacity(capacity)
    }

    var count: Int { values.count }

    subscript(slot: Int) -> Flow { values[slot] }

    /// The seeded hash of `key` that `slot(of:hash:)` and `insert(_:hash:)` take: computed once a packet.
    func hash(of key: FlowKey) -> UInt64 { key.hash(seed: seed) }

    /// Starts loading the bucket a look-up of `hash` probes first.
    @inline(__always)
    func prefetchBucket(hash: UInt64) {
        buckets.prefetch(at: Int(truncatingIfNeeded: hash) & mask)
    }

    /// Starts loading the flow that the first bucket of `hash` points to, when that bucket holds
    /// the same hash (with the index at most half full, the probe usually ends there). Call it once
    /// `prefetchBucket(hash:)` has had time to bring in the bucket.
    @inline(__always)
    func prefetchFlow(hash: UInt64) {
        let entry = buckets[Int(truncatingIfNeeded: hash) & mask]
        guard entry != 0, UInt32(truncatingIfNeeded: entry) == UInt32(truncatingIfNeeded: hash) else { return }
        values.prefetch(at: Int(entry >> 32) - 1)
    }

    /// The slot of the flow with `key`, nil when there is none.
    func slot(of key: FlowKey) -> Int? {
        slot(of: key, hash: hash(of: key))
    }

    /// The slot of the flow with `key`, whose hash is `hash`; nil when there is none.
    func slot(of key: FlowKey, hash: UInt64) -> Int? {
        var bucket = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = buckets[bucket]
            if entry == 0 { return nil }
            if UInt32(truncatingIfNeeded: entry) == UInt32(truncatingIfNeeded: hash) {
                let slot = Int(entry >> 32) - 1
                if values[slot].key == key { return slot }
            }
            bucket = (bucket + 1) & mask
        }
    }

    /// Changes the flow in `slot` in place.
    mutating func update(slot: Int, _ change: (inout Flow) -> Void) {
        change(&values[slot])
    }

    /// Adds `flow`, whose key is not in the map and hashes to `hash`.
    mutating func insert(_ flow: Flow, hash: UInt64) {
        if 2 * (values.count + 1) > buckets.count { grow() }
        values.append(flow)
        place(UInt64(values.count) << 32 | UInt64(UInt32(truncatingIfNeeded: hash)))
    }

    /// Removes and returns the flow in `slot`; the last flow moves into that slot.
    mutating func remove(slot: Int) -> Flow {
        removeBucket(at: bucket(of: slot))
        let last = values.count - 1
        if slot != last {
            let moved = bucket(of: last)
            buckets[moved] = UInt64(slot + 1) << 32 | buckets[moved] & 0xFFFF_FFFF
            values.swapAt(slot, last)
        }
        return values.removeLast()
    }

    /// Removes and returns every flow.
    mutating func removeAll() -> [Flow] {
        buckets = Array(repeating: 0, count: buckets.count)
        defer { values = [] }
        return values
    }

    /// The bucket that holds `slot`.
    private func bucket(of slot: Int) -> Int {
        let target = UInt64(slot + 1)
        var bucket = Int(truncatingIfNeeded: values[slot].key.hash(seed: seed)) & mask
        while buckets[bucket] >> 32 != target { bucket = (bucket + 1) & mask }
        return bucket
    }

    /// Puts `entry` in the first empty bucket from its hash's.
    private mutating func place(_ entry: UInt64) {
        var bucket = Int(truncatingIfNeeded: entry) & mask
        while buckets[bucket] != 0 { bucket = (bucket + 1) & mask }
        buckets[bucket] = entry
    }

    /// Empties `bucket` and moves back the entries after it that probed past it, so that every
    /// entry stays reachable from its hash's bucket without gaps.
    private mutating func removeBucket(at bucket: Int) {
        var hole = bucket
        var next = (hole + 1) & mask
        while buckets[next] != 0 {
            let home = Int(truncatingIfNeeded: buckets[next]) & mask
            if (next - home) & mask >= (next - hole) & mask {
                buckets[hole] = buckets[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        buckets[hole] = 0
    }

    private mutating func grow() {
        let entries = buckets.filter { $0 != 0 }
        buckets = Array(repeating: 0, count: 2 * buckets.count)
        mask = buckets.count - 1
        for entry in entries { place(entry) }
    }
}

extension FlowKey {
    /// A seeded hash in the manner of wyhash: the key's words folded through 64 × 64 → 128-bit
    /// multiplications. Every bit of the key reaches the low bits, which pick the bucket.
    func hash(seed: UInt64) -> UInt64 {
        let ports = UInt64(lowerPort) << 32 | UInt64(upperPort) << 16 | UInt64(transport)
        let addresses = Self.fold(lower.low ^ seed, upper.low ^ 0x9E37_79B9_7F4A_7C15)
        let rest = Self.fold(lower.high ^ ports ^ 0xE703_7ED1_A0B4_28DB, upper.high ^ seed ^ 0x8EBC_6AF0_9C88_C6E3)
        return Self.fold(addresses ^ 0xA076_1D64_78BD_642F, rest ^ 0x5899_65CC_7537_4CC3)
    }

    @inline(__always)
    private static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }
}
