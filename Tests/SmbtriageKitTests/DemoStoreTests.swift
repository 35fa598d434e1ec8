import Foundation
import Testing
@testable import SmbtriageKit

/// `smbtriage demo` rebuilds one store under the cache directory instead of leaving a new one behind.
@Suite struct DemoStoreTests {
    private let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("smbtriage-demo-store-\(UUID().uuidString)/demo", isDirectory: true)

    private var contents: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    @Test func eachRunStartsFromAnEmptyStoreInTheSameDirectory() throws {
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let demo = DemoStore(directory: directory)
        #expect(demo.path == directory.appendingPathComponent("demo.db").path)
        var lock: DirectoryLock? = try demo.prepare()
        #expect(contents == ["lock"])
        for suffix in ["", "-wal", "-shm"] {
            try Data("previous run".utf8).write(to: URL(fileURLWithPath: demo.path + suffix))
        }

        // A second demo while the first runs leaves the first one's store alone.
        let refusal = #expect(throws: CommandFailure.self) { try demo.prepare() }
        #expect(refusal?.description.contains("another smbtriage demo is using") == true)
        #expect(contents == ["demo.db", "demo.db-shm", "demo.db-wal", "lock"])

        lock = nil
        lock = try demo.prepare()
        #expect(contents == ["lock"])
        #expect(lock != nil)
    }
}
