/// Scenario 4: the lab host drives SMB load against the benchmark network 198.18.0.0/15, which the
/// rule excludes — SMB history, no alert.
extension StoryBuilder {
    mutating func addBenchmarkLab() {
        let lab = (address: "192.168.50.9", name: "LAB-BENCH-09")
        story.notableHosts.append(NotableHost(
            address: lab.address, name: lab.name,
            scenario: "load-tests SMB against the benchmark network 198.18.0.0/15",
            verdict: "nothing to do: excluded by the rule, visible as history"
        ))
        var start = jittered(time(10, 0, 4))
        while start < time(11, 0) {
            let target = random.chance(percent: 70)
                ? "198.18.0.\(random.int(in: 10...40))"
                : "198.19.4.\(random.int(in: 10...20))"
            story.connections.append(completed(
                from: lab.address, to: target, port: 445, application: .smb, at: start,
                seconds: Double(random.int(in: 5_000...90_000)) / 1000,
                clientBytes: random.int64(in: 1_000_000...20_000_000), serverBytes: random.int64(in: 1_000_000...20_000_000),
                sensors: [.elasticAgent, .suricata]
            ))
            start = start.adding(seconds: Double(random.int(in: 60...180)))
        }
    }
}
