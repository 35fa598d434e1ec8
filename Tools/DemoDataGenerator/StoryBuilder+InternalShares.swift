/// Scenario 5: ordinary SMB from workstations and the branch office to the file servers — history
/// the console shows, never an alert (every destination is in 10.0.0.0/8).
extension StoryBuilder {
    /// Departments by the third octet of 10.20.0.0/16, with the share each one works on.
    private static let departments: [(octet: Int, prefix: String, share: (server: Int, name: String))] = [
        (1, "HR", (0, "HR")), (2, "SALES", (1, "PROJECTS")), (3, "FIN", (0, "FINANCE")), (4, "OPS", (1, "PROJECTS")),
        (5, "IT", (1, "DEPLOY")), (7, "MKT", (1, "PROJECTS")), (8, "ENG", (1, "PROJECTS")), (11, "LOG", (1, "PROJECTS")),
    ]

    private static let documents = [
        "reports\\Q3 forecast.xlsx", "reports\\headcount-2026.xlsx", "contracts\\NDA-template.docx",
        "R\u{E9}sum\u{E9} - J. Brandt.docx", "minutes\\2026-11-27 ops.docx", "drivers\\printer-hp-m404.zip",
        "invoices\\INV-20431.pdf", "projects\\route-planning\\depots.csv", "presentations\\kickoff.pptx",
    ]

    /// Workstations whose Sysmon events reach the SIEM through Winlogbeat.
    private static let winlogbeatWorkstations: Set = ["10.20.3.47", "10.20.5.20", "10.20.1.12", "10.20.2.31"]

    mutating func addInternalShares() {
        // The workstations with a story of their own also have ordinary file-server history.
        var workstations = [Self.exfiltratingWorkstation] + Self.headquartersBackupClients + [
            Self.sprayingWorkstation, NamedHost(address: "10.20.1.12", name: "HR-WS-012"),
            NamedHost(address: "10.20.2.31", name: "SALES-WS-031"),
        ]
        for department in Self.departments {
            for _ in 1...3 {
                let host = random.int(in: 10...240)
                let address = "10.20.\(department.octet).\(host)"
                if workstations.contains(where: { $0.address == address }) { continue }
                workstations.append(NamedHost(address: address, name: "\(department.prefix)-WS-\(Self.threeDigits(host))"))
            }
        }
        for workstation in workstations {
            var sensors: Set<Sensor> = [.zeekHQ]
            if random.chance(percent: 50) { sensors.insert(.suricata) }
            if random.chance(percent: 35) { sensors.insert(.packetbeat) }
            if Self.winlogbeatWorkstations.contains(workstation.address) { sensors.insert(.winlogbeat) }
            addFileServerSessions(for: workstation, sensors: sensors, sessions: random.int(in: 3...6))
        }
        for host in 11...18 {
            let branchHost = NamedHost(address: "172.16.5.\(host)", name: "BR-WS-\(Self.threeDigits(host))")
            addFileServerSessions(for: branchHost, sensors: [.zeekBranch], sessions: random.int(in: 2...4))
        }
        addFileServerInboundEvents()
    }

    private mutating func addFileServerSessions(
        for workstation: NamedHost, sensors: Set<Sensor>, sessions: Int
    ) {
        let octet = Int(workstation.address.split(separator: ".")[2]) ?? 0
        let share = Self.departments.first { $0.octet == octet }?.share ?? (server: 1, name: "PUBLIC")
        let server = Story.fileServers[share.server]
        for _ in 0..<sessions {
            let start = jittered(time(7, 30).adding(seconds: Double(random.int(in: 0...37_800))))
            var connection = completed(
                from: workstation.address, to: server.address, port: 445, application: .smb, at: start,
                seconds: Double(random.int(in: 2_000...900_000)) / 1000,
                clientBytes: random.int64(in: 3_000...2_500_000), serverBytes: random.int64(in: 20_000...18_000_000),
                sensors: sensors
            )
            let files = (0..<random.int(in: 0...3)).map { _ in random.pick(Self.documents) }
            connection.shareActivity = ShareActivity(
                share: "\\\\\(server.name)\\\(share.name)", serverName: server.name, files: files,
                fileIDs: files.map { _ in "F" + random.string(16, from: Self.base62) }
            )
            if sensors.contains(.winlogbeat) {
                connection.process = systemProcess(on: workstation.name)
                connection.serverName = "\(server.name).\(Story.domain)"
            }
            story.connections.append(connection)
        }
    }

    /// FS01's own Sysmon: an inbound session (Initiated=false) and one row that lists the local :445
    /// as the source with the client's ephemeral port as destination, as real Sysmon logs do.
    private mutating func addFileServerInboundEvents() {
        let fileServer = Story.fileServers[0]
        var inbound = completed(
            from: "10.20.2.31", to: fileServer.address, port: 445, application: .smb, at: jittered(time(9, 2, 11)),
            seconds: 41.5, clientBytes: 88_104, serverBytes: 1_204_332, sensors: [.winlogbeat]
        )
        inbound.process = systemProcess(on: fileServer.name)
        inbound.process?.initiated = false
        story.connections.append(inbound)

        var reversed = completed(
            from: fileServer.address, to: "10.20.2.31", port: ephemeralPort(), application: .smb,
            at: jittered(time(9, 2, 12)), seconds: 40.1, clientBytes: 1_204_332, serverBytes: 88_104, sensors: [.winlogbeat]
        )
        reversed.client.port = 445
        reversed.process = systemProcess(on: fileServer.name)
        reversed.process?.initiated = false
        story.connections.append(reversed)
    }

    private static func threeDigits(_ value: Int) -> String {
        value < 10 ? "00\(value)" : value < 100 ? "0\(value)" : "\(value)"
    }
}
