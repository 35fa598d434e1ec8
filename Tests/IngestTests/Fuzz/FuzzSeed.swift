import Foundation
@testable import Ingest

/// A real sample of one format (the fixtures, and the ECS documents of `ECSFixtures`), which the
/// fuzz tests damage.
struct FuzzSeed: CustomStringConvertible {
    var name: String
    var reader: any LineReader.Type
    var bytes: [UInt8]

    var description: String { name }

    /// The lines, split as `readAll` splits them.
    var lines: [[UInt8]] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// True when a line's outcome may depend on the lines before it (a Zeek TSV header).
    var readsHeaders: Bool { reader is any HeaderStatefulLineReader.Type }

    /// Every fixture with the reader that reads it, and the ECS documents.
    static func all() throws -> [FuzzSeed] {
        let fixtures: [(String, any LineReader.Type)] = [
            ("panos-traffic.csv", PANOSReader.self), ("suricata-eve.json", SuricataReader.self),
            ("sysmon-nxlog.ndjson", SysmonReader.self), ("sysmon-winlogbeat7.ndjson", SysmonReader.self),
            ("sysmon-winlogbeat8.ndjson", SysmonReader.self), ("zeek-conn.log", ZeekTSVReader.self),
            ("zeek-mixed.log", ZeekTSVReader.self), ("zeek-json-ascii.ndjson", ZeekJSONReader.self),
            ("zeek-json-nested.ndjson", ZeekJSONReader.self), ("zeek-json-otrf.ndjson", ZeekJSONReader.self),
            ("zeek-json-streaming.ndjson", ZeekJSONReader.self),
        ]
        let ecs = [
            ECSFixtures.packetbeat8, ECSFixtures.packetbeat7Intermediate, ECSFixtures.agentFlow, ECSFixtures.dottedExport,
            ECSFixtures.searchHit, ECSFixtures.categoryString, ECSFixtures.tunnel, ECSFixtures.endpoint,
        ].joined(separator: "\n") + "\n"
        return try fixtures.map { name, reader in FuzzSeed(name: name, reader: reader, bytes: Array(try fixture(name))) }
            + [FuzzSeed(name: "ECSFixtures", reader: ECSReader.self, bytes: Array(ecs.utf8))]
    }
}
