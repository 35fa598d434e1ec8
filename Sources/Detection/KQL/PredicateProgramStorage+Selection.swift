/// Batch evaluation: a node narrows a selection of events (ascending indices into a buffer)
/// to those that satisfy it, one clause at a time over the whole selection.
///
/// Evaluating clause by clause instead of event by event pays the tree walk once per batch, and
/// each leaf becomes a tight loop over the events still selected, whose branches the processor
/// predicts: `and` narrows the selection operand after operand, `or` tries each operand on the
/// events no earlier operand matched, `not` keeps what its operand dropped.
extension PredicateProgramStorage {
    /// Keeps in `selection` only the events of `events` that satisfy node `index`.
    func select(node index: Int, in events: UnsafePointer<NetworkEvent>, _ selection: inout [Int32]) {
        let node = nodes[index]
        switch node.operation {
        case .all, .any:
            guard node.isNegated else {
                selectOperands(of: node, in: events, &selection)
                return
            }
            var matching = selection
            selectOperands(of: node, in: events, &matching)
            selection.removeSorted(matching)
        default:
            selectLeaf(node, in: events, &selection)
        }
    }

    /// A leaf: one dispatch for the batch, then a loop over the selected events.
    private func selectLeaf(_ node: PredicateNode, in events: UnsafePointer<NetworkEvent>, _ selection: inout [Int32]) {
        let negated = node.isNegated
        switch node.operation {
        case .all, .any: preconditionFailure("and / or nodes are not leaves")
        case .addresses: selection.keep { addressesMatch(node, events + Int($0)) != negated }
        case .keyword: selection.keep { keywordMatches(node, events + Int($0)) != negated }
        case .keywords: selection.keep { keywordsMatch(node, events + Int($0)) != negated }
        case .integer: selection.keep { integerMatches(node, events + Int($0)) != negated }
        case .integer64: selection.keep { integer64Matches(node, events + Int($0)) != negated }
        case .pattern: selection.keep { patternMatches(node, events + Int($0)) != negated }
        case .exists: selection.keep { node.location.isPresent(in: events + Int($0)) != negated }
        }
    }

    /// `and` / `or` before negation.
    private func selectOperands(of node: PredicateNode, in events: UnsafePointer<NetworkEvent>,
                                _ selection: inout [Int32]) {
        if node.operation == .all {
            for operand in node.slice where !selection.isEmpty {
                select(node: Int(operands[operand]), in: events, &selection)
            }
            return
        }
        var matched: [Int32] = []
        for operand in node.slice where !selection.isEmpty {
            var operandMatches = selection
            select(node: Int(operands[operand]), in: events, &operandMatches)
            selection.removeSorted(operandMatches)
            matched.mergeSorted(operandMatches)
        }
        selection = matched
    }
}

/// Selections are ascending arrays of event indices.
extension [Int32] {
    /// Keeps the elements that satisfy `isIncluded`, in order, without allocating.
    @inline(__always)
    fileprivate mutating func keep(where isIncluded: (Int32) -> Bool) {
        let kept = withUnsafeMutableBufferPointer { elements in
            var kept = 0
            for position in elements.indices where isIncluded(elements[position]) {
                elements[kept] = elements[position]
                kept += 1
            }
            return kept
        }
        removeLast(count - kept)
    }

    /// Removes the elements of `sorted` (ascending, a subset of this ascending array).
    fileprivate mutating func removeSorted(_ sorted: [Int32]) {
        guard !sorted.isEmpty else { return }
        var next = 0
        keep { element in
            guard next < sorted.count, sorted[next] == element else { return true }
            next += 1
            return false
        }
    }

    /// Merges `sorted` (ascending, disjoint from this ascending array) into this array.
    fileprivate mutating func mergeSorted(_ sorted: [Int32]) {
        guard !isEmpty else {
            self = sorted
            return
        }
        var merged: [Int32] = []
        merged.reserveCapacity(count + sorted.count)
        var left = 0
        var right = 0
        while left < count, right < sorted.count {
            if self[left] < sorted[right] {
                merged.append(self[left])
                left += 1
            } else {
                merged.append(sorted[right])
                right += 1
            }
        }
        merged += self[left...]
        merged += sorted[right...]
        self = merged
    }
}
