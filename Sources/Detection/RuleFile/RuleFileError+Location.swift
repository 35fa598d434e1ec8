extension RuleFileError {
    /// The error at byte `offset` of the file `bytes`.
    init(offset: Int, in bytes: [UInt8], reason: String) {
        let position = SourcePosition(offset: offset, in: bytes)
        self.init(line: position.line, column: position.column, reason: reason)
    }
}
