/// The demo's working day (2026-11-30) at one company: every connection the sensors saw, the
/// process starts Sysmon logged, and the hosts the README tells the analyst about.
struct Story {
    var connections: [Connection] = []
    var processStarts: [ProcessStart] = []
    var notableHosts: [NotableHost] = []

    /// The company's Active Directory domain, for host names and users.
    static let domain = "corp.kestrel.local"
    /// The day every timestamp falls on.
    static let day = Timestamp(year: 2026, month: 11, day: 30)
    /// The file servers on 10.10.0.0/24.
    static let fileServers = [NamedHost(address: "10.10.0.5", name: "FS01"), NamedHost(address: "10.10.0.6", name: "FS02")]

    /// The whole day, drawn from one seed.
    static func generate(seed: UInt64) -> Story {
        var builder = StoryBuilder(seed: seed)
        builder.addExfiltration()
        builder.addSpray()
        builder.addCloudShare()
        builder.addBenchmarkLab()
        builder.addInternalShares()
        builder.addRegistryGap()
        builder.addIPv6Shares()
        builder.addHostileRecord()
        builder.addNoise()
        return builder.story
    }
}

/// A host of the story: its address and its Windows name.
struct NamedHost {
    var address: String
    var name: String
}

/// A host the README describes, in story order.
struct NotableHost {
    var address: String
    var name: String
    var scenario: String
    /// What the analyst should conclude and do.
    var verdict: String
}

/// A Sysmon event 1 (process creation), which the readers count and skip.
struct ProcessStart {
    var time: Timestamp
    var process: ProcessInfo
    var commandLine: String
    var parentImage: String
    var sensor: Sensor
    /// The event log's record number.
    var recordID: Int
}
