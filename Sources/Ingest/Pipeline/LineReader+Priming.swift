extension LineReader {
    /// A reader for one input that has read `primer` first, the outcomes dropped: a resumed
    /// stateful reader (Zeek TSV) learns the file's header that way.
    init(options: ReaderOptions, primer: [[UInt8]]) {
        self.init(options: options)
        for line in primer {
            _ = line.withLineBytes { read(line: $0, number: 0) }
        }
    }
}
