import Detection
import Foundation
import GRDB
@testable import Store
import Synchronization
import Testing

@Suite("Original records stored compressed (v12)")
struct StoredRecordTests {
    private let packetbeat = #"{"@timestamp":"2026-11-30T07:38:00.883Z","event":{"dataset":"flow","category":["network"],"#
        + #""type":["connection","end"],"action":"network_flow","duration":300000000000},"flow":{"id":"3I7cB0CFqQ3a","#
        + #""final":true},"source":{"ip":"10.20.3.53","port":50829,"bytes":1168266,"packets":1832},"destination":{"#
        + #""ip":"203.0.113.5","port":445,"bytes":3108895,"packets":2558},"network":{"transport":"tcp"}}"#

    @Test(arguments: ["ecs", "zeek-tsv", "zeek-json", "suricata", "panos", "sysmon", "pcap", "a format with no dictionary"])
    func everyFormatReadsBackExactly(format: String) throws {
        let records = RecordCompressor()
        for text in [packetbeat, "", "1796023980.883863\tCp7DD1rMPjRQCF9Ujp\t10.20.3.53\t50829", "é ∑ \u{202E} \u{1F600}\0"] {
            let stored = records.compress(text, format: format)
            #expect(stored.first == RecordDictionary(format: format).rawValue)
            #expect(StoredRecord.text(of: stored.databaseValue) == text)
        }
    }

    @Test func aFormatsDictionaryMakesItsRecordsSmall() {
        let records = RecordCompressor()
        let withDictionary = records.compress(packetbeat, format: "ecs").count
        let without = records.compress(packetbeat, format: "unknown").count
        #expect(withDictionary * 2 < packetbeat.utf8.count)
        #expect(withDictionary < without)
    }

    @Test func aRecordFarLargerThanItsCompressedFormReadsBackWhole() {
        let large = String(repeating: packetbeat, count: 2_000)
        let stored = RecordCompressor().compress(large, format: "ecs")
        #expect(stored.count * 50 < large.utf8.count)
        #expect(StoredRecord.text(of: stored.databaseValue) == large)
    }

    /// The stored value is a stored format: a compressor that has made other frames (one too large
    /// for its kept buffer among them) makes the same bytes as a new one.
    @Test func aCompressorsEarlierRecordsDoNotChangeItsNextOne() {
        let records = RecordCompressor()
        let large = String(repeating: packetbeat, count: 400)
        for text in [packetbeat, large, "", packetbeat + "x", large, packetbeat] {
            #expect(records.compress(text, format: "ecs") == RecordCompressor().compress(text, format: "ecs"))
        }
    }

    @Test func textFromBeforeVersion9ReadsAsItIs() {
        #expect(StoredRecord.text(of: "{\"uid\":\"C1\"}".databaseValue) == "{\"uid\":\"C1\"}")
        #expect(StoredRecord.text(of: .null) == "")
    }

    @Test func aDamagedValueReadsAsUnreadableNotAsOtherText() {
        var stored = RecordCompressor().compress(packetbeat, format: "ecs")
        #expect(StoredRecord.text(of: Data(stored.prefix(stored.count / 2)).databaseValue) == StoredRecord.unreadable)
        stored[0] = 200
        #expect(StoredRecord.text(of: stored.databaseValue) == StoredRecord.unreadable)
        #expect(StoredRecord.text(of: Data().databaseValue) == StoredRecord.unreadable)
    }

    /// Decompression contexts are shared through a pool: records read on many threads at once,
    /// and right after a damaged one, still come back exactly.
    @Test func recordsReadBackWholeOnManyThreadsAtOnceAndAfterADamagedOne() {
        let texts = (0..<64).map { packetbeat.replacingOccurrences(of: "3I7cB0CFqQ3a", with: "flow-\($0)") }
        let stored = texts.map { RecordCompressor().compress($0, format: "ecs") }
        let damaged = Data(stored[0].prefix(stored[0].count / 2))
        let readBack = Mutex([String?](repeating: nil, count: texts.count))
        DispatchQueue.concurrentPerform(iterations: texts.count * 4) { iteration in
            let index = iteration % texts.count
            if iteration.isMultiple(of: 3) { _ = StoredRecord.text(of: damaged.databaseValue) }
            let text = StoredRecord.text(of: stored[index].databaseValue)
            readBack.withLock { results in
                if results[index] == nil || results[index] == text { results[index] = text } else { results[index] = "differs" }
            }
        }
        #expect(readBack.withLock { $0 } == texts)
    }

    @Test func storedEventsKeepTheirRecordCompressedAndShowItWhole() throws {
        let fixture = try StoreFixture()
        let event = packetbeatReport(flowID: "F1", at: baseTime, bytesOut: 100, isFinal: true, line: 1)
        try fixture.store.insert([event], ingestedAt: baseTime)
        let (kind, size) = try DatabaseQueue(path: fixture.path).read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT typeof(original), length(original) FROM event"))
            return (row[0] as String, row[1] as Int)
        }
        #expect(kind == "blob" && size < event.origin.original.utf8.count)
        let flows = try fixture.store.history(of: IPAddress("10.0.0.5")!, offset: 0, limit: 10).rows
        #expect(flows.map(\.origin.original) == [event.origin.original])
    }
}
