/// The distinct ports of a (host, destination) pair, stored as sorted comma-separated text.
enum PortList {
    static func text(_ ports: Set<Int>) -> String {
        ports.sorted().map(String.init).joined(separator: ",")
    }

    static func ports(_ text: String) -> Set<Int> {
        Set(text.split(separator: ",").compactMap { Int($0) })
    }
}
