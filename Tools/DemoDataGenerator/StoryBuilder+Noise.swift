/// Scenario 8: DNS and HTTPS that the sensors log beside SMB — counted by ingest, not kept.
extension StoryBuilder {
    private static let webServers = ["13.107.42.14", "142.250.185.78", "151.101.1.140", "104.18.32.47", "52.97.146.162"]

    mutating func addNoise() {
        let clients = (1...12).map { _ in "10.20.\(random.pick([1, 2, 3, 4, 7, 11])).\(random.int(in: 10...240))" }
        for _ in 0..<36 {
            addLookup(from: random.pick(clients), to: "10.10.0.2", sensors: [.packetbeat, .zeekHQ, .suricata])
        }
        for _ in 0..<8 {
            addLookup(from: "172.16.5.\(random.int(in: 11...18))", to: "172.16.5.2", sensors: [.zeekBranch])
        }
        for _ in 0..<30 {
            story.connections.append(completed(
                from: random.pick(clients), to: random.pick(Self.webServers), port: 443, application: .https,
                at: randomWorkingTime(), seconds: Double(random.int(in: 200...60_000)) / 1000,
                clientBytes: random.int64(in: 900...40_000), serverBytes: random.int64(in: 4_000...900_000),
                sensors: [.packetbeat, .zeekHQ]
            ))
        }
    }

    /// One DNS query and its answer over UDP.
    private mutating func addLookup(from client: String, to resolver: String, sensors: Set<Sensor>) {
        var lookup = completed(
            from: client, to: resolver, port: 53, application: .dns, at: randomWorkingTime(),
            seconds: Double(random.int(in: 400...9_000)) / 1_000_000,
            clientBytes: random.int64(in: 30...60), serverBytes: random.int64(in: 60...300), sensors: sensors
        )
        lookup.transport = .udp
        lookup.clientPackets = 1
        lookup.serverPackets = 1
        story.connections.append(lookup)
    }

    private mutating func randomWorkingTime() -> Timestamp {
        jittered(time(7, 45).adding(seconds: Double(random.int(in: 0...36_000))))
    }
}
