/// A 1-based line and column in a text file; columns count Unicode scalars.
struct SourcePosition: Hashable, Sendable {
    let line: Int
    let column: Int

    /// The position of byte `offset` in UTF-8 `bytes`.
    init(offset: Int, in bytes: [UInt8]) {
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.line = line
        self.column = column
    }
}
