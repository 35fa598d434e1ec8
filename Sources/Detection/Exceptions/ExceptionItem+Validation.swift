extension ExceptionItem {
    /// Throws the first entry the detector cannot evaluate (an unknown field, an `ip` field's value
    /// that is no address or block, an empty `match_any`), as compiling the item would, whether
    /// or not it has expired.
    public func validate() throws(ExceptionCompileError) {
        for entry in entries { _ = try entry.predicate(itemID: id) }
    }
}
