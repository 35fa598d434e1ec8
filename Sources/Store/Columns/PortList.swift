/// The distinct ports of a (host, destination) pair, kept as a sorted array and stored as
/// sorted comma-separated text.
enum PortList {
    /// Sorted, distinct `ports` as stored text.
    static func text(_ ports: [Int]) -> String {
        ports.count == 1 ? String(ports[0]) : ports.map(String.init).joined(separator: ",")
    }

    /// The sorted, distinct ports of stored text.
    static func ports(_ text: String) -> [Int] {
        text.split(separator: ",").compactMap { Int($0) }.reduce(into: []) { insert($1, into: &$0) }
    }

    /// Adds `port` to sorted, distinct `ports` unless it is there.
    static func insert(_ port: Int, into ports: inout [Int]) {
        let index = ports.firstIndex { $0 >= port } ?? ports.endIndex
        if index == ports.endIndex || ports[index] != port { ports.insert(port, at: index) }
    }
}
