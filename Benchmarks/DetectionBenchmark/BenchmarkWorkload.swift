import Detection
import Foundation
import TestSupport

/// The deterministic events and exception items the benchmark evaluates.
struct BenchmarkWorkload {
    let events: [NetworkEvent]
    let exceptionItems: [ExceptionItem]

    /// `eventCount` events (about half match the bundled query) and `exceptionCount` active items:
    /// 50% destination addresses, 20% destination CIDR blocks, 30% source → destination pairs.
    init(eventCount: Int, exceptionCount: Int) {
        var random = SplitMix64(seed: 2026)
        func publicAddress() -> IPAddress { IPAddress(ipv4: 0x1400_0000 | UInt32(random.next() % 0x0100_0000)) }
        func internalAddress() -> IPAddress { IPAddress(ipv4: 0x0A00_0000 | UInt32(random.next() % 0x0001_0000)) }
        let created = Date(timeIntervalSince1970: 1_800_000_000)

        var items: [ExceptionItem] = []
        var pairedSources: [IPAddress] = []
        var exceptedDestinations: [IPAddress] = []
        for number in 0..<exceptionCount {
            let scope: ExceptionScope
            switch number % 10 {
            case 0..<5:
                let destination = publicAddress()
                exceptedDestinations.append(destination)
                scope = .destination(IPPrefix(address: destination, length: 32))
            case 5, 6:
                scope = .destination(IPPrefix(address: publicAddress(), length: 24))
            default:
                let source = internalAddress()
                let destination = publicAddress()
                pairedSources.append(source)
                exceptedDestinations.append(destination)
                scope = .pair(source: IPPrefix(address: source, length: 32),
                              destination: IPPrefix(address: destination, length: 32))
            }
            items.append(ExceptionItem(id: "item-\(number)", scope: scope, comment: "benchmark",
                                       author: "benchmark", createdAt: created))
        }
        exceptionItems = items

        events = (0..<eventCount).map { number in
            let source = !pairedSources.isEmpty && number % 7 == 0
                ? pairedSources[Int(random.next() % UInt64(pairedSources.count))] : internalAddress()
            let destination = !exceptedDestinations.isEmpty && number % 5 == 0
                ? exceptedDestinations[Int(random.next() % UInt64(exceptedDestinations.count))] : publicAddress()
            var event = NetworkEvent(dataset: "network_traffic.flow", categories: ["network_traffic", "network"],
                                     sourceIPs: [source], sourcePort: 49_152 + number % 1000,
                                     destinationIPs: [destination], destinationPort: 445, transport: "tcp")
            switch number % 8 {
            case 0: event.destinationPort = 80
            case 1: event.transport = "udp"
            case 2: event.sourceIPs = [publicAddress()]
            case 3: event.destinationIPs = [internalAddress()]
            default: break
            }
            return event
        }
    }
}
