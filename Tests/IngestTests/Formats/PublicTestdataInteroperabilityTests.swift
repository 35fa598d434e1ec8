import Detection
import Foundation
import Testing
@testable import Ingest

/// Reads every real public log in `Fixtures/public` (copied from the project's shared test data, with
/// their attribution in `Fixtures/public/SOURCES.md`) and checks the counts SOURCES.md states, which
/// were counted independently of smbtriage.
@Suite struct PublicTestdataInteroperabilityTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        var path: String
        var format: LogFormat
        var records: Int
        var smb: Int

        var testDescription: String { path }
    }

    /// SOURCES.md's table.
    static let expectations = [
        Expectation(path: "brimdata-zeek/zeek-default/smb_mapping.log.gz", format: .zeekTSV, records: 393, smb: 393),
        Expectation(path: "brimdata-zeek/zeek-json/smb_mapping.json.gz", format: .zeekJSON, records: 393, smb: 393),
        Expectation(path: "brimdata-zeek/zeek-default/smb_files.log.gz", format: .zeekTSV, records: 13, smb: 13),
        Expectation(path: "brimdata-zeek/zeek-json/smb_files.json.gz", format: .zeekJSON, records: 13, smb: 13),
        Expectation(path: "otrf-apt29-day1-zeek/NASHUA_conn.log", format: .zeekJSON, records: 479, smb: 19),
        Expectation(path: "otrf-apt29-day1-zeek/NASHUA_smb_mapping.log", format: .zeekJSON, records: 5, smb: 5),
        Expectation(path: "otrf-apt29-day1-zeek/NASHUA_smb_files.log", format: .zeekJSON, records: 6, smb: 6),
        Expectation(
            path: "otrf-sysmon-nxlog/covenant_copy_smb_CreateRequest_2020-09-22145302.json", format: .sysmon,
            records: 506, smb: 2
        ),
    ]

    /// The test bundle's copy of `Fixtures/public`.
    static var publicDirectory: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
                .appendingPathComponent("public")
        }
    }

    /// The files that are not logs: the attribution and the licences.
    static let attributionFiles: Set<String> = ["SOURCES.md", "LICENSE-MIT-OTRF", "brimdata-zeek/LICENSE.md"]

    @Test func theFolderHoldsExactlyTheFilesSourcesDescribes() throws {
        let directory = try Self.publicDirectory
        var isDirectory: ObjCBool = false
        try #require(
            FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) && isDirectory.boolValue,
            "the interoperability logs are missing: \(directory.path)"
        )
        let enumerator = try #require(FileManager.default.enumerator(atPath: directory.path))
        var files: Set<String> = []
        for case let path as String in enumerator {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path, isDirectory: &isFolder),
               !isFolder.boolValue {
                files.insert(path)
            }
        }
        #expect(files == Set(Self.expectations.map(\.path)).union(Self.attributionFiles))
    }

    @Test(arguments: expectations)
    func readsTheCountsSourcesStatesAndNoAlert(_ expectation: Expectation) throws {
        let url = try Self.publicDirectory.appendingPathComponent(expectation.path)
        let data = try Self.contents(of: url)
        let sample = sampleLines(data)
        let outcomes: [LineOutcome]
        switch expectation.format {
        case .zeekTSV:
            #expect(ZeekTSVReader.recognizes(sample))
            outcomes = readAll(ZeekTSVReader.self, data)
        case .zeekJSON:
            #expect(ZeekJSONReader.recognizes(sample))
            outcomes = readAll(ZeekJSONReader.self, data)
        case .sysmon:
            #expect(SysmonReader.recognizes(sample))
            outcomes = readAll(SysmonReader.self, data)
        default:
            Issue.record("no reader chosen for \(expectation.format)")
            return
        }
        let rejections = outcomes.compactMap(\.rejection)
        #expect(rejections.isEmpty, "first rejections: \(rejections.prefix(3))")
        let events = outcomes.events
        let skipped = outcomes.compactMap(\.skip)
        #expect(events.count + skipped.count == expectation.records)
        #expect(events.filter(Self.isSMB).count == expectation.smb)
        #expect(events.filter(Self.wouldAlert).isEmpty)
        #expect(events.allSatisfy { $0.timestamp != nil && !$0.sourceIPs.isEmpty && !$0.destinationIPs.isEmpty })
    }

    /// SOURCES.md's definition: TCP to port 139/445, or a Zeek smb_* record.
    static func isSMB(_ event: NetworkEvent) -> Bool {
        if event.dataset?.hasPrefix("zeek.smb_") == true { return true }
        return event.transport == "tcp" && (event.destinationPort == 139 || event.destinationPort == 445)
    }

    private static let rfc1918 = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map { try! IPPrefix(parsing: $0) }
    private static let reserved = rfc1918
        + ["127.0.0.0/8", "169.254.0.0/16", "100.64.0.0/10", "224.0.0.0/4", "240.0.0.0/4"].map { try! IPPrefix(parsing: $0) }

    /// The rule reduced to what these logs can exercise: an RFC 1918 client on TCP 139/445 to a
    /// destination outside RFC 1918, loopback, link-local and the other reserved blocks.
    static func wouldAlert(_ event: NetworkEvent) -> Bool {
        guard event.transport == "tcp", event.destinationPort == 139 || event.destinationPort == 445 else { return false }
        guard event.sourceIPs.contains(where: { address in rfc1918.contains { $0.contains(address) } }) else { return false }
        return event.destinationIPs.contains { address in !reserved.contains { $0.contains(address) } }
    }

    /// The file's bytes, decompressed through the pipeline's own gzip source when it is gzip.
    static func contents(of url: URL) throws -> Data {
        let descriptor = open(url.path, O_RDONLY)
        try #require(descriptor >= 0, "cannot open \(url.path)")
        defer { close(descriptor) }
        let file = FileDescriptorSource(descriptor: descriptor)
        var head = [UInt8](repeating: 0, count: 2)
        let headCount = try head.withUnsafeMutableBytes { try file.read(into: $0) }
        let source: any ByteSource = FileDescriptorSource(descriptor: descriptor, head: Array(head.prefix(headCount)))
        let input = GzipSource.isGzip(head) ? try GzipSource(compressed: source) : source
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try input.read(into: $0) }
            if count == 0 { return data }
            data.append(contentsOf: buffer.prefix(count))
        }
    }

    private func sampleLines(_ data: Data) -> [String] {
        data.split(separator: UInt8(ascii: "\n"), maxSplits: 20, omittingEmptySubsequences: false).prefix(20).map {
            String(decoding: $0, as: UTF8.self)
        }
    }
}
