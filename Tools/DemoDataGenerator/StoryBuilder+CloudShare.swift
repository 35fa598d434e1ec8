/// Scenario 3: a legitimate Azure Files share that IT backs up to all day — it alerts on every
/// sensor, and is the obvious exception candidate (20.60.0.0/16 is an Azure Storage range).
extension StoryBuilder {
    static let cloudShare = (address: "20.60.152.36", name: "corpbackup.file.core.windows.net")

    /// The HQ workstations that back up to the share (the branch's BR-WS-014 does too).
    static let headquartersBackupClients = [
        NamedHost(address: "10.20.5.20", name: "IT-WS-020"), NamedHost(address: "10.20.5.21", name: "IT-WS-021"),
        NamedHost(address: "10.20.7.15", name: "MKT-WS-015"),
    ]

    mutating func addCloudShare() {
        let hqSensors: Set<Sensor> = [.packetbeat, .zeekHQ, .suricata, .panos]
        let hq = Self.headquartersBackupClients
        let clients: [(host: NamedHost, sensors: Set<Sensor>, everyMinutes: ClosedRange<Int>)] = [
            (hq[0], hqSensors.union([.winlogbeat]), 40...70),
            (hq[1], hqSensors, 60...110),
            (hq[2], hqSensors, 80...150),
            (NamedHost(address: "172.16.5.14", name: "BR-WS-014"), [.zeekBranch, .panos], 70...130),
        ]
        for client in clients {
            story.notableHosts.append(NotableHost(
                address: client.host.address, name: client.host.name,
                scenario: "backs up to the Azure Files share \(Self.cloudShare.name) (\(Self.cloudShare.address)) all day",
                verdict: "benign: add an exception for 20.60.0.0/16 and close the matching alerts"
            ))
            var start = jittered(time(8, random.int(in: 0...25)))
            while start < time(18, 0) {
                var connection = completed(
                    from: client.host.address, to: Self.cloudShare.address, port: 445, application: .smb, at: start,
                    seconds: Double(random.int(in: 60_000...600_000)) / 1000,
                    clientBytes: random.int64(in: 2_000_000...40_000_000), serverBytes: random.int64(in: 400_000...5_000_000),
                    sensors: client.sensors
                )
                connection.serverName = Self.cloudShare.name
                if client.sensors.contains(.winlogbeat) {
                    connection.process = systemProcess(on: client.host.name)
                }
                story.connections.append(connection)
                start = start.adding(seconds: Double(random.int(in: client.everyMinutes) * 60 + random.int(in: 0...59)))
            }
        }
    }
}
