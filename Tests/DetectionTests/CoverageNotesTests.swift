import BundledRules
@testable import Detection
import Testing

@Suite struct CoverageNotesTests {
    private let notes = coverageNotes(for: EventFixtures.bundledRule)
    private var ids: [String] { notes.map(\.id) }

    @Test func findsTheUnexcludedThisNetworkBlockOnly() {
        let gaps = ids.filter { $0.hasPrefix("destination-gap:") }
        #expect(gaps == ["destination-gap:0.0.0.0/8"])
    }

    @Test func listsGloballyReachableBlocksThatAreExcluded() throws {
        let note = try #require(notes.first { $0.id == "reachable-excluded" })
        for block in ["192.0.0.9/32", "192.0.0.10/32", "192.31.196.0/24", "192.52.193.0/24", "192.175.48.0/24"] {
            #expect(note.detail.contains(block), "\(block)")
        }
    }

    @Test func sourceClauseLeavesOutIPv6AndSharedAddressSpace() {
        #expect(ids.contains("ipv6-sources"))
        #expect(ids.contains("source-gap:100.64.0.0/10"))
        #expect(!ids.contains("source-gap:10.0.0.0/8"))
    }

    @Test func ipv6DestinationExclusionsAreInert() throws {
        let note = try #require(notes.first { $0.id == "ipv6-destination-exclusions" })
        #expect(note.detail.contains("::1/128") && note.detail.contains("fe80::/10") && note.detail.contains("ff00::/8"))
    }

    @Test func flagsTheZeekSMBDatasetOnly() throws {
        let datasetNotes = notes.filter { $0.id.hasPrefix("unknown-dataset:") }
        #expect(datasetNotes.map(\.id) == ["unknown-dataset:zeek.smb"])
        #expect(datasetNotes.first?.detail.contains("zeek.smb_cmd, zeek.smb_files, zeek.smb_mapping") == true)
    }

    @Test func notesFollowTheQueryNotAFixedList() throws {
        var rule = try DetectionRule.bundled()
        rule.query = "source.ip: (10.0.0.0/8 or 100.64.0.0/10 or \"fd00::/8\") and not destination.ip: (0.0.0.0/8 or 10.0.0.0/8)"
            + " and event.dataset: zeek.smb_files"
        let custom = coverageNotes(for: try CompiledRule(rule)).map(\.id)
        #expect(!custom.contains("destination-gap:0.0.0.0/8"))
        #expect(custom.contains("destination-gap:127.0.0.0/8"))
        #expect(!custom.contains("ipv6-sources") && !custom.contains("ipv6-destination-exclusions"))
        #expect(!custom.contains("source-gap:100.64.0.0/10") && custom.contains("source-gap:172.16.0.0/12"))
        #expect(!custom.contains { $0.hasPrefix("unknown-dataset:") })
    }
}
