import Foundation
import Testing
@testable import SmbtriageKit

@Suite struct DemoDataLocationTests {
    /// A scratch checkout: `root/demo-data/` with a README and one log, an executable path under
    /// `root/.build/debug/`, and a source path under `root/Sources/SmbtriageKit/Demo/`.
    private struct Checkout {
        let root: URL
        var demoData: URL { root.appendingPathComponent("demo-data") }
        var executable: URL { root.appendingPathComponent(".build/debug/smbtriage") }
        var sourceFile: String { root.appendingPathComponent("Sources/SmbtriageKit/Demo/DemoData.swift").path }
        let elsewhere: URL

        init() throws {
            let base = FileManager.default.temporaryDirectory
                .appendingPathComponent("smbtriage-demo-location-\(UUID().uuidString)")
            root = base.appendingPathComponent("checkout")
            elsewhere = base.appendingPathComponent("elsewhere")
            let logs = root.appendingPathComponent("demo-data/zeek")
            try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            try Data("# demo\n".utf8).write(to: root.appendingPathComponent("demo-data/README.md"))
            try Data("#fields\tts\n".utf8).write(to: logs.appendingPathComponent("conn.log"))
        }

        func remove() {
            try? FileManager.default.removeItem(at: root.deletingLastPathComponent())
        }
    }

    @Test func prefersTheCurrentDirectory() throws {
        let checkout = try Checkout()
        defer { checkout.remove() }
        let found = try DemoData.locate(currentDirectory: checkout.root.path, executable: nil,
                                        sourceFile: "/nonexistent/x.swift")
        #expect(found.path == checkout.demoData.standardizedFileURL.path)
    }

    @Test func findsItAboveTheExecutable() throws {
        let checkout = try Checkout()
        defer { checkout.remove() }
        let found = try DemoData.locate(currentDirectory: checkout.elsewhere.path, executable: checkout.executable,
                                        sourceFile: "/nonexistent/x.swift")
        #expect(found.path == checkout.demoData.standardizedFileURL.path)
    }

    @Test func findsItAboveTheSourceFile() throws {
        let checkout = try Checkout()
        defer { checkout.remove() }
        let found = try DemoData.locate(currentDirectory: checkout.elsewhere.path, executable: nil,
                                        sourceFile: checkout.sourceFile)
        #expect(found.path == checkout.demoData.standardizedFileURL.path)
    }

    @Test func namesWhereItLookedWhenMissing() throws {
        let checkout = try Checkout()
        defer { checkout.remove() }
        let error = #expect(throws: CommandFailure.self) {
            try DemoData.locate(currentDirectory: checkout.elsewhere.path, executable: nil,
                                sourceFile: "/nonexistent/x.swift")
        }
        #expect(error?.description.contains(checkout.elsewhere.appendingPathComponent("demo-data").path) == true)
        #expect(error?.description.contains("smbtriage ingest") == true)
    }

    @Test func readsTheLogsButNotTheReadme() throws {
        let checkout = try Checkout()
        defer { checkout.remove() }
        let inputs = try DemoData.inputs(in: checkout.demoData)
        #expect(inputs.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["conn.log"])
    }
}
