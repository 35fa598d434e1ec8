import CPrefetch

extension Array {
    /// Asks the CPU to start loading the element at `index` (every cache line it spans), to be read
    /// a little later. A hint: it changes no result, and an index out of bounds is ignored. One of
    /// the Ingest kernel files (see ARCHITECTURE.md); `FlowPipelineTests` checks that the flows it
    /// speeds up stay the same.
    @inline(__always)
    func prefetch(at index: Int) {
        guard index >= 0, index < count else { return }
        withUnsafeBufferPointer { elements in
            let start = UnsafeRawPointer(elements.baseAddress! + index)
            let size = MemoryLayout<Element>.size
            for offset in stride(from: 0, to: size, by: 64) { smbtriage_prefetch(start + offset) }
            if size > 1 { smbtriage_prefetch(start + size - 1) }
        }
    }
}
