/// The trie of a `FlatJSONSelection` in raw memory: nodes (one per path segment) and an
/// open-addressing index of the edges by (parent, segment). The parser keeps a copy of this
/// struct, so its inner loop touches no reference counts. Keys are read 8 bytes at a time: every
/// key handed to `child(of:key:count:)` must be followed by 7 readable bytes.
struct FlatJSONSelectionTable {
    struct Node: BitwiseCopyable {
        /// The hash of the edge from the parent.
        var hash: UInt64
        /// The segment's first 8 bytes (zero-padded): the whole segment when it is that short.
        var firstWord: UInt64
        /// The parent node, -1 for a top-level segment.
        var parent: Int32
        var segmentStart: Int32
        var segmentCount: Int32
        /// The whole dotted path up to this node.
        var pathStart: Int32
        var pathCount: Int32
        /// The selected path's field index, or -1 for a node that is only on the way to one.
        var field: Int32
        /// True when some selected path continues below this node.
        var hasChildren: Bool
    }

    /// Segments and paths, with 8 bytes of zero padding after the last.
    private(set) var bytes = RawBuffer<UInt8>(capacity: 2048)
    private(set) var nodes = RawBuffer<Node>(capacity: 128)
    private var slots: RawBuffer<Int32>

    init(nodeBound: Int) {
        var size = 16
        while size < nodeBound * 2 { size <<= 1 }
        slots = RawBuffer(capacity: size)
        slots.reset(count: size, to: -1)
    }

    func deallocate() {
        bytes.deallocate()
        nodes.deallocate()
        slots.deallocate()
    }

    subscript(node: Int32) -> Node {
        @inline(__always) get { nodes[Int(node)] }
    }

    func field(ofNode node: Int32) -> Int32 { node < 0 ? -1 : nodes[Int(node)].field }

    /// Adds the child `segment` of `parent` (or marks the existing one) and returns its index.
    mutating func addNode(
        parent: Int32, segment: ArraySlice<UInt8>, path: ArraySlice<UInt8>, field: Int32, hasChildren: Bool
    ) -> Int32 {
        let segmentStart = bytes.count
        for byte in segment { bytes.append(byte) }
        bytes.reserve(8)
        (bytes.base + bytes.count).initialize(repeating: 0, count: 8)
        let existing = child(of: parent, segment: bytes.base + segmentStart, count: segment.count)
        if existing >= 0 {
            bytes.count = segmentStart
            if field >= 0 { nodes[Int(existing)].field = field }
            if hasChildren { nodes[Int(existing)].hasChildren = true }
            return existing
        }
        let pathStart = bytes.count
        for byte in path { bytes.append(byte) }
        bytes.reserve(8)
        (bytes.base + bytes.count).initialize(repeating: 0, count: 8)
        let hash = Self.edgeHash(parent: parent, segment: Self.scan(bytes.base + segmentStart, count: segment.count).hash)
        let mask = slots.count - 1
        var slot = Self.slot(hash, mask: mask)
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        let index = Int32(nodes.count)
        slots[slot] = index
        nodes.append(Node(
            hash: hash, firstWord: segment.isEmpty ? 0 : Self.load(bytes.base + segmentStart, at: 0, count: segment.count),
            parent: parent, segmentStart: Int32(segmentStart), segmentCount: Int32(segment.count),
            pathStart: Int32(pathStart), pathCount: Int32(path.count), field: field, hasChildren: hasChildren
        ))
        return index
    }

    /// The node a JSON key leads to from `parent` (-1: the top level), or -1. A key with dots
    /// walks one segment per dot.
    @inline(__always)
    func child(of parent: Int32, key: UnsafePointer<UInt8>?, count: Int) -> Int32 {
        guard let key else { return -1 }
        let scanned = Self.scan(key, count: count)
        if !scanned.hasDot {
            return child(of: parent, segment: key, count: count, segmentHash: scanned.hash)
        }
        return dottedChild(of: parent, key: key, count: count)
    }

    @inline(never)
    private func dottedChild(of parent: Int32, key: UnsafePointer<UInt8>, count: Int) -> Int32 {
        var node = parent
        var segmentStart = 0
        for offset in 0...count where offset == count || key[offset] == UInt8(ascii: ".") {
            node = child(of: node, segment: key + segmentStart, count: offset - segmentStart)
            if node < 0 { return -1 }
            segmentStart = offset + 1
        }
        return node
    }

    private func child(of parent: Int32, segment: UnsafePointer<UInt8>, count: Int) -> Int32 {
        child(of: parent, segment: segment, count: count, segmentHash: Self.scan(segment, count: count).hash)
    }

    @inline(__always)
    private func child(of parent: Int32, segment: UnsafePointer<UInt8>, count: Int, segmentHash: UInt64) -> Int32 {
        let hash = Self.edgeHash(parent: parent, segment: segmentHash)
        let firstWord = count == 0 ? 0 : Self.load(segment, at: 0, count: count)
        let mask = slots.count - 1
        var slot = Self.slot(hash, mask: mask)
        while true {
            let candidate = slots[slot]
            if candidate < 0 { return -1 }
            let node = nodes[Int(candidate)]
            if node.hash == hash, node.firstWord == firstWord, node.parent == parent, Int(node.segmentCount) == count,
               count <= 8 || Self.equal(segment + 8, bytes.base + Int(node.segmentStart) + 8, count: count - 8) {
                return candidate
            }
            slot = (slot + 1) & mask
        }
    }

    /// The first `count` (at least 1) bytes of `word` (little-endian), the rest zero.
    @inline(__always)
    private static func prefix(_ word: UInt64, count: Int) -> UInt64 {
        count >= 8 ? word : word & (UInt64.max &>> UInt64(truncatingIfNeeded: (8 &- count) &* 8))
    }

    @inline(__always)
    private static func load(_ pointer: UnsafePointer<UInt8>, at offset: Int, count: Int) -> UInt64 {
        prefix(UnsafeRawPointer(pointer + offset).loadUnaligned(as: UInt64.self), count: count - offset)
    }

    /// A segment's hash, a word at a time, and whether the bytes hold a dot.
    @inline(__always)
    static func scan(_ key: UnsafePointer<UInt8>, count: Int) -> (hash: UInt64, hasDot: Bool) {
        let ones: UInt64 = 0x0101_0101_0101_0101
        var hash = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        var dots: UInt64 = 0
        var offset = 0
        while offset < count {
            let word = load(key, at: offset, count: count)
            // Bytes past the end are zero, never a dot.
            let dotted = word ^ (ones &* UInt64(UInt8(ascii: ".")))
            dots |= (dotted &- ones) & ~dotted & (ones &* 0x80)
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash &>> 32
            offset &+= 8
        }
        return (hash, dots != 0)
    }

    @inline(__always)
    private static func edgeHash(parent: Int32, segment: UInt64) -> UInt64 {
        (segment ^ UInt64(truncatingIfNeeded: Int64(parent) &+ 1) &* 0xC2B2_AE3D_27D4_EB4F) &* 0x1656_67B1_9E37_79F9
    }

    @inline(__always)
    private static func slot(_ hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: hash &>> 40) & mask
    }

    @inline(__always)
    private static func equal(_ left: UnsafePointer<UInt8>, _ right: UnsafePointer<UInt8>, count: Int) -> Bool {
        var offset = 0
        while offset < count {
            if load(left, at: offset, count: count) != load(right, at: offset, count: count) { return false }
            offset &+= 8
        }
        return true
    }
}
