/// Scenarios 6 and 7 and the hostile record: the rule's edges an analyst should know about.
extension StoryBuilder {
    /// Scenario 6: a misconfigured gateway tries SMB to 0.0.0.4. The rule's exclusions miss
    /// 0.0.0.0/8, so it alerts although the address is not on the Internet.
    mutating func addRegistryGap() {
        let gateway = (address: "10.20.9.200", name: "FAC-GW-200")
        story.notableHosts.append(NotableHost(
            address: gateway.address, name: gateway.name,
            scenario: "tries SMB to 0.0.0.4, which the rule does not exclude (registry gap: 0.0.0.0/8)",
            verdict: "misconfigured device, not the Internet: fix its configuration, close as false positive"
        ))
        story.connections.append(unanswered(
            from: gateway.address, to: "0.0.0.4", port: 445, at: jittered(time(9, 12, 44)), retries: 2,
            sensors: [.packetbeat, .zeekHQ]
        ))
    }

    /// Scenario 7: the IPv6 pilot subnet reaches a public IPv6 SMB service. The rule only accepts
    /// RFC 1918 IPv4 sources, so IPv6 never alerts.
    mutating func addIPv6Shares() {
        let server = "2a01:111:f400::1"
        for client in ["fd3c:8a2e:51f0:10::25", "fd3c:8a2e:51f0:10::26"] {
            story.notableHosts.append(NotableHost(
                address: client, name: "-", scenario: "IPv6 SMB to \(server): IPv6 sources never match the rule",
                verdict: "no alert ever; a blind spot of the rule worth knowing"
            ))
            for _ in 0..<3 {
                story.connections.append(completed(
                    from: client, to: server, port: 445, application: .smb,
                    at: jittered(time(random.int(in: 9...16), random.int(in: 0...59))),
                    seconds: Double(random.int(in: 3_000...120_000)) / 1000,
                    clientBytes: random.int64(in: 50_000...4_000_000), serverBytes: random.int64(in: 200_000...9_000_000),
                    sensors: [.packetbeat, .zeekHQ, .suricata]
                ))
            }
        }
    }

    /// The hostile record: a kiosk's Sysmon event whose host name and image carry terminal escape
    /// sequences (an OSC window-title change and a clear-screen), written as JSON `\u001b` escapes.
    mutating func addHostileRecord() {
        let kiosk = "10.20.6.66"
        let hostileName = "KIOSK-066\u{1B}]0;pwned\u{07}"
        story.notableHosts.append(NotableHost(
            address: kiosk, name: hostileName,
            scenario: "its Sysmon record carries terminal escape sequences; it must show escaped",
            verdict: "suspicious image name: investigate the kiosk; the console must not be fooled"
        ))
        var connection = completed(
            from: kiosk, to: "185.220.101.47", port: 445, application: .smb, at: jittered(time(16, 5, 31)),
            seconds: 2.8, clientBytes: 3_120, serverBytes: 2_206, sensors: [.winlogbeat]
        )
        connection.process = process(
            image: "C:\\Users\\Public\\\u{1B}]0;pwned\u{07}\u{1B}[2Jsvc.exe", user: "CORP\\kiosk", hostName: hostileName
        )
        story.connections.append(connection)
    }
}
