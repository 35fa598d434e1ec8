import Detection
import Foundation
import Store
import TestSupport

/// A generated store whose connections are each seen by one to three sensors (one Community ID,
/// overlapping spans, starts up to two seconds apart), from `hosts` internal hosts.
class SensorConnectionsStore: GeneratedTriageStore {
    var connection = 0
    let hosts: [IPAddress]

    init(seed: UInt64, hosts: [IPAddress]) throws {
        self.hosts = hosts
        try super.init(seed: seed)
    }

    /// A few connections from every host, ingested `day` days after `baseTime`.
    func ingest(day: Double) throws {
        try ingest(from: baseTime.addingTimeInterval(day * 86_400), within: 80_000)
    }

    /// One to five connections from every host, each starting in the `seconds` after `time`,
    /// ingested at `time`.
    func ingest(from time: Date, within seconds: Int) throws {
        let sensors = ["zeek.connection", "network_traffic.flow", "panw.panos"]
        var records: [IngestedEvent] = []
        for host in hosts {
            for _ in 0..<(1 + random.next(below: 5)) {
                connection += 1
                let start = time.addingTimeInterval(Double(random.next(below: seconds)))
                let destination = IPAddress("81.2.\(random.next(below: 3)).\(1 + random.next(below: 4))")!
                for sensor in sensors.prefix(1 + random.next(below: 3)) {
                    line += 1
                    var event = NetworkEvent(
                        timestamp: start, dataset: sensor, categories: ["network"], sourceIPs: [host],
                        sourcePort: 40_000 + connection % 20_000, sourceBytes: Int64(random.next(below: 90_000)),
                        destinationIPs: [destination], destinationPort: 445, destinationBytes: 300, transport: "tcp",
                        communityID: "1:generated-\(connection)")
                    event.start = start.addingTimeInterval(Double(random.next(below: 3)))
                    event.end = start.addingTimeInterval(60)
                    records.append(IngestedEvent(event: event, origin: RecordOrigin(
                        path: "/logs/\(sensor)", line: line, format: "ecs", original: "{\"line\":\(line)}")))
                }
            }
        }
        lastIngest = time
        try store.insert(records, ingestedAt: lastIngest)
    }
}
