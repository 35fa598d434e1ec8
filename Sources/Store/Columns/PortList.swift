import Detection

/// The distinct ports of a (host, destination) pair, kept as a sorted array and stored as
/// sorted comma-separated text.
enum PortList {
    /// Sorted, distinct `ports` as stored text.
    static func text(_ ports: [Int]) -> String {
        ports.count == 1 ? String(ports[0]) : ports.map(String.init).joined(separator: ",")
    }

    /// The sorted, distinct ports of stored text.
    static func ports(_ text: String) -> [Int] {
        let sorted = text.split(separator: ",").compactMap { Int($0) }.sorted()
        return sorted.indices.filter { $0 == 0 || sorted[$0] != sorted[$0 - 1] }.map { sorted[$0] }
    }

    /// Adds `port` to sorted, distinct `ports` unless it is there.
    static func insert(_ port: Int, into ports: inout [Int]) {
        let last = ports.withUnsafeBufferPointer { SortedSearch.lastIndex(atOrBelow: port, in: $0) }
        if let last, ports[last] == port { return }
        ports.insert(port, at: (last ?? -1) + 1)
    }
}
