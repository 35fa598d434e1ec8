/// A growable buffer of trivial values in manually managed memory: no uniqueness checks, no
/// reference counting, no bounds checks in the parser's inner loops. Its owner frees it with
/// `deallocate()` (see `FlatJSONStorage`).
struct RawBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
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
        if added <= 16 {
            // Paths and keys are short: a loop beats a call to memmove.
            var index = 0
            while index < added {
                (base + count + index).initialize(to: source[index])
                index += 1
            }
        } else {
            (base + count).initialize(from: source, count: added)
        }
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

    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }
}
