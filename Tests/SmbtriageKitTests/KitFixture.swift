import BundledRules
import Detection
import Foundation
import Ingest
import SmbtriageKit
import Store

/// A scratch directory with a store opened on the bundled rules, removed when the fixture goes away.
final class KitFixture {
    let directory: URL
    let store: SMBStore

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("smbtriage-kit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SMBStore(path: directory.appendingPathComponent("store.db").path, rules: .bundled())
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A session on the store with the default reading options.
    func session() throws -> IngestSession {
        try IngestSession(store: store, options: IngestOptions())
    }

    /// Copies the test target's fixture `name` into the scratch directory (as `as`, when given).
    @discardableResult
    func copy(_ name: String, as copyName: String? = nil) throws -> String {
        let source = try Self.fixture(name)
        let target = directory.appendingPathComponent(copyName ?? (name as NSString).lastPathComponent).path
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: target)
        return target
    }

    static func fixture(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name])
        }
        return url.path
    }

    /// The fixture's first `count` lines (each with its newline).
    static func lines(_ name: String, _ count: Int) throws -> String {
        let text = try String(contentsOfFile: fixture(name), encoding: .utf8)
        return text.split(separator: "\n").prefix(count).map { $0 + "\n" }.joined()
    }
}
