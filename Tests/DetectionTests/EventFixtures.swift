import BundledRules
@testable import Detection

/// Builders for the events the tests evaluate.
enum EventFixtures {
    static func address(_ text: String) -> IPAddress {
        guard let address = IPAddress(text) else { preconditionFailure("bad test address \(text)") }
        return address
    }

    static func prefix(_ text: String) -> IPPrefix {
        guard let prefix = try? IPPrefix(parsing: text) else { preconditionFailure("bad test prefix \(text)") }
        return prefix
    }

    /// A Packetbeat-style flow that the bundled rule alerts on unless the arguments change it.
    static func smbFlow(source: String = "10.1.2.3", destination: String? = "8.8.8.8", port: Int? = 445,
                        transport: String? = "tcp", dataset: String? = "network_traffic.flow",
                        categories: [String] = ["network"]) -> NetworkEvent {
        NetworkEvent(dataset: dataset, categories: categories,
                     sourceIPs: [address(source)], sourcePort: 50_000,
                     destinationIPs: destination.map { [address($0)] } ?? [], destinationPort: port,
                     transport: transport)
    }

    static let bundledRule: CompiledRule = {
        do {
            return try CompiledRule(DetectionRule.bundled())
        } catch {
            preconditionFailure("the bundled rule does not load: \(error)")
        }
    }()
}
