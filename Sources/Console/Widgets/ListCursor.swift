/// The selection and scroll position of a list of `count` rows of which `visible` fit on screen.
struct ListCursor: Hashable, Sendable {
    var selected = 0
    var top = 0
    var count = 0

    /// Moves the selection by `delta` rows (clamped) and scrolls so it stays in view.
    mutating func move(by delta: Int, visible: Int) {
        select(selected + delta, visible: visible)
    }

    /// Selects `index` (clamped) and scrolls so it stays in view.
    mutating func select(_ index: Int, visible: Int) {
        selected = max(0, min(index, count - 1))
        scroll(visible: visible)
    }

    /// Sets the row count, keeping the selection and scroll position inside it.
    mutating func resize(count newCount: Int, visible: Int) {
        count = max(0, newCount)
        select(selected, visible: visible)
    }

    /// Keeps the selection on screen and the last page full.
    mutating func scroll(visible: Int) {
        let visible = max(1, visible)
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        top = max(0, min(top, count - visible))
    }

    /// The indices on screen.
    func visibleRange(_ visible: Int) -> Range<Int> {
        top..<min(count, top + max(0, visible))
    }
}
