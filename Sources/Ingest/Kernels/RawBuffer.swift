import Foundation

/// A growable buffer of trivial values in manually managed memory: no uniqueness checks, no
/// reference counting, no bounds checks in the parser's inner loops. All of its capacity is
/// zero-filled when allocated, so word-sized copies may read past `count`. Its owner frees it
/// with `deallocate()` (see `FlatJSONStorage`). One of the Ingest kernel files (see ARCHITECTURE.md),
/// checked against an array in `KernelDifferentialTests`.
struct RawBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
        memset(base, 0, self.capacity * MemoryLayout<Element>.stride)
    }

    func deallocate() { base.deallocate() }

    /// Makes room for `extra` more elements.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        memset(newBase, 0, newCapacity * MemoryLayout<Element>.stride)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        reserve(1)
        base[count] = element
        count += 1
    }

    @inline(__always)
    mutating func append(_ source: UnsafePointer<Element>, count added: Int) {
        reserve(added)
        (base + count).initialize(from: source, count: added)
        count += added
    }

    /// Sets `count` elements to `value`, dropping the previous content.
    mutating func reset(count newCount: Int, to value: Element) {
        count = 0
        reserve(newCount)
        base.initialize(repeating: value, count: newCount)
        count = newCount
    }

    subscript(index: Int) -> Element {
        @inline(__always) get { base[index] }
        @inline(__always) nonmutating set { base[index] = newValue }
    }
}

extension RawBuffer<UInt8> {
    /// Appends a copy of the viewed bytes.
    @inline(__always)
    mutating func append(contentsOf bytes: LineBytes) {
        guard let source = bytes.unsafeBuffer.baseAddress else { return }
        append(source, count: bytes.count)
    }

    /// A view of the bytes in `range` (within `0..<count`), valid until the buffer next grows or
    /// is deallocated.
    @inline(__always)
    func view(_ range: Range<Int>) -> LineBytes {
        assert(range.lowerBound >= 0 && range.upperBound <= count, "range outside the buffer's content")
        return LineBytes(unsafeBuffer: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    /// Appends a copy of the `prefix` bytes of this buffer, `separator`, and a copy of the `key`
    /// bytes of `keyBytes` (both ranges lie before the end of their buffer), reserving once.
    /// Copies whole 8-byte words, since paths are short and a call to memmove costs more than the
    /// copy: it may read up to 7 bytes past a source (so `keyBytes` must have that much capacity
    /// past `key`; this buffer reserves its own) and write up to 7 bytes past the new end (not content).
    @inline(__always)
    mutating func appendJoined(_ prefix: Range<Int>, separator: UInt8, _ key: Range<Int>, of keyBytes: RawBuffer<UInt8>) {
        assert(key.upperBound + 7 <= keyBytes.capacity, "the key's buffer must be readable 7 bytes past the key")
        let start = count
        let joined = prefix.count + 1 + key.count
        reserve(joined + 16)
        Self.copyWords(from: base + prefix.lowerBound, to: base + start, count: prefix.count)
        base[start + prefix.count] = separator
        Self.copyWords(from: keyBytes.base + key.lowerBound, to: base + start + prefix.count + 1, count: key.count)
        count = start + joined
    }

    @inline(__always)
    private static func copyWords(from source: UnsafeMutablePointer<UInt8>, to destination: UnsafeMutablePointer<UInt8>, count: Int) {
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(destination)
        var index = 0
        while index < count {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: index, as: UInt64.self), toByteOffset: index, as: UInt64.self)
            index &+= 8
        }
    }
}
