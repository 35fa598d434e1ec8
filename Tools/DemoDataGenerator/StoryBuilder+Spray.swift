/// Scenario 2: ENG-WS-113 behaves like an SMB worm: for twenty minutes it sends SYNs to 150 public
/// addresses on 445 (and some on 139) and nobody answers. Every sensor logs every attempt, so one
/// rule execution has far more than 100 matches.
extension StoryBuilder {
    /// First octets of ordinary unicast allocations (none special-purpose, none private).
    private static let publicFirstOctets = [
        5, 23, 31, 37, 41, 46, 51, 62, 77, 78, 80, 81, 82, 83, 85, 87, 89, 91, 93, 95, 101, 103, 109, 112,
        115, 118, 121, 125, 130, 134, 138, 141, 146, 151, 154, 159, 163, 171, 176, 178, 181, 185, 186, 188,
        190, 194, 195, 200, 201, 212, 213, 217,
    ]

    /// PAN-OS destination locations; PAN-OS quotes the one with a comma.
    static let countries = [
        "United States", "Germany", "Brazil", "China", "India", "Korea, Republic of", "Russian Federation",
        "Viet Nam", "France", "Netherlands",
    ]

    static let sprayingWorkstation = NamedHost(address: "10.20.8.113", name: "ENG-WS-113")

    mutating func addSpray() {
        let workstation = Self.sprayingWorkstation
        story.notableHosts.append(NotableHost(
            address: workstation.address, name: workstation.name,
            scenario: "sprays SYNs to 150 public addresses on 445/139 in 20 minutes (worm-like)",
            verdict: "true positive: isolate the host, scan it for the worm (wupdsvc.exe)"
        ))
        let worm = process(image: "C:\\ProgramData\\WinUpd\\wupdsvc.exe", user: "CORP\\t.okafor", hostName: workstation.name)
        story.processStarts.append(ProcessStart(
            time: jittered(time(15, 11, 48)), process: worm, commandLine: "wupdsvc.exe -k netsvcs -p",
            parentImage: "C:\\Windows\\System32\\services.exe", sensor: .nxlog, recordID: sysmonRecordID()
        ))
        // What Sysmon writes when the process exited before it could be named.
        let unknownProcess = ProcessInfo(
            image: "<unknown process>", processID: 0, guid: "{00000000-0000-0000-0000-000000000000}", user: "",
            hostName: worm.hostName
        )
        let sensors: Set<Sensor> = [.packetbeat, .zeekHQ, .suricata, .panos]
        var targets: [String] = []
        while targets.count < 150 {
            let octets = [
                random.pick(Self.publicFirstOctets), random.int(in: 0...255), random.int(in: 0...255), random.int(in: 1...254),
            ]
            let candidate = octets.map(String.init).joined(separator: ".")
            if !targets.contains(candidate), !PublishedRule.excludedDestinations.contains(where: { $0.contains(candidate) }) {
                targets.append(candidate)
            }
        }
        for (index, target) in targets.enumerated() {
            let start = jittered(time(15, 12).adding(seconds: Double(index) * 8 + Double(random.int(in: 0...5))))
            let ports = index % 4 == 1 ? [445, 139] : [445]
            for (offset, port) in ports.enumerated() {
                var attempt = unanswered(
                    from: workstation.address, to: target, port: port, at: start.adding(seconds: Double(offset) * 0.4),
                    retries: random.chance(percent: 60) ? 1 : 0, sensors: sensors
                )
                attempt.firewallAction = random.chance(percent: 80) ? .drop : .deny
                // NXLog on the host logs the first attempts, then the worm kills it.
                if index < 10 {
                    attempt.sensors.insert(.nxlog)
                    attempt.process = index == 7 ? unknownProcess : worm
                }
                story.connections.append(attempt)
            }
        }
    }
}
