extension SMBStore {
    /// Empties the page caches of the store's connections (they stay open), so the next reads
    /// take every page from the file: through the OS cache, or from the disk once that dropped
    /// the file's pages (`scale-benchmark --cold` measures reads so).
    public func releaseCachedPages() {
        pool.releaseMemory()
    }
}
