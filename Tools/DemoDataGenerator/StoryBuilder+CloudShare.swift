/// Scenario 3: a legitimate Azure Files share that IT backs up to all day — it alerts on every
/// sensor, and is the obvious exception candidate (20.60.0.0/16 is an Azure Storage range).
extension StoryBuilder {
    static let cloudShare = (address: "20.60.152.36", name: "corpbackup.file.core.windows.net")

    mutating func addCloudShare() {
        let hqSensors: Set<Sensor> = [.packetbeat, .zeekHQ, .suricata, .panos]
        let clients: [(address: String, name: String, sensors: Set<Sensor>, everyMinutes: ClosedRange<Int>)] = [
            ("10.20.5.20", "IT-WS-020", hqSensors.union([.winlogbeat]), 40...70),
            ("10.20.5.21", "IT-WS-021", hqSensors, 60...110),
            ("10.20.7.15", "MKT-WS-015", hqSensors, 80...150),
            ("172.16.5.14", "BR-WS-014", [.zeekBranch, .panos], 70...130),
        ]
        for client in clients {
            story.notableHosts.append(NotableHost(
                address: client.address, name: client.name,
                scenario: "backs up to the Azure Files share \(Self.cloudShare.name) (\(Self.cloudShare.address)) all day"
            ))
            var start = jittered(time(8, random.int(in: 0...25)))
            while start < time(18, 0) {
                var connection = completed(
                    from: client.address, to: Self.cloudShare.address, port: 445, application: .smb, at: start,
                    seconds: Double(random.int(in: 60_000...600_000)) / 1000,
                    clientBytes: random.int64(in: 2_000_000...40_000_000), serverBytes: random.int64(in: 400_000...5_000_000),
                    sensors: client.sensors
                )
                connection.serverName = Self.cloudShare.name
                if client.sensors.contains(.winlogbeat) {
                    connection.process = process(image: "System", user: "NT AUTHORITY\\SYSTEM", hostName: client.name, pid: 4)
                }
                story.connections.append(connection)
                start = start.adding(seconds: Double(random.int(in: client.everyMinutes) * 60 + random.int(in: 0...59)))
            }
        }
    }
}
