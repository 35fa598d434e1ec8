extension Array {
    /// The elements of `parts` in order, as one array, moved out of them (`parts` is left empty)
    /// rather than copied: a copy retains every reference an element holds, and the parts'
    /// release lets go of them again. One of the Ingest kernel files (see ARCHITECTURE.md);
    /// `KernelDifferentialTests` checks it against `joined()`.
    init(movingElementsOf parts: inout [[Element]]) {
        let total = parts.reduce(0) { $0 + $1.count }
        self.init(unsafeUninitializedCapacity: total) { buffer, initialized in
            // Filled from the end: `popLast` moves an element out of an array held only here.
            var end = total
            while var part = parts.popLast() {
                while let element = part.popLast() {
                    end -= 1
                    buffer.initializeElement(at: end, to: element)
                }
            }
            initialized = total
        }
    }
}
