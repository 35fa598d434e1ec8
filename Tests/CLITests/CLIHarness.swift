import Foundation
import Testing

/// Runs the built `smbtriage` binary against a scratch store, as an analyst would from a shell.
/// The scratch directory is removed when the harness goes away.
final class CLIHarness: Sendable {
    let directory: URL
    var database: String { directory.appendingPathComponent("store.db").path }

    /// What one run printed and how it ended.
    struct Run {
        var status: Int32
        var output: String
        var errors: String

        /// Standard output's JSON lines, decoded.
        var jsonLines: [[String: Any]] {
            output.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }
    }

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("smbtriage-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    static var binary: URL {
        let products = Bundle.main.bundleURL
        for candidate in [products, products.deletingLastPathComponent()] {
            let binary = candidate.appendingPathComponent("smbtriage")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return products.appendingPathComponent("smbtriage")
    }

    /// Starts `smbtriage ARGS --db <scratch>` without waiting for it; its output goes to the pipes
    /// returned, which the caller must read (or `discardOutput`, for a long-running command).
    /// A `launcher` (a command and its arguments) runs the binary in its stead, as its last
    /// argument but the binary's own. `unsetting` names environment variables the command runs without.
    func launch(_ arguments: [String], useDatabase: Bool = true, discardOutput: Bool = false,
                launcher: [String] = [], unsetting: [String] = []) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        let command = launcher + [Self.binary.path] + arguments + (useDatabase ? ["--db", database] : [])
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        var environment = ProcessInfo.processInfo.environment
        environment["SMBTRIAGE_ANALYST"] = "test-analyst"
        for name in unsetting { environment[name] = nil }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = discardOutput ? FileHandle.nullDevice : output
        process.standardError = discardOutput ? FileHandle.nullDevice : errors
        try process.run()
        return (process, output, errors)
    }

    /// Ends a launched process with SIGKILL and waits for it. (SIGTERM, `Process.terminate`, does
    /// not reach it: children of the test runner inherit a signal mask that blocks it.)
    static func kill(_ process: Process) {
        guard process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Sends SIGTERM to a launched process and waits up to `seconds` for it to end; returns how it
    /// ended and what it printed, or nil when it did not end in time (it is then killed).
    static func terminate(_ launched: (Process, Pipe, Pipe), within seconds: TimeInterval = 30) -> Run? {
        let (process, output, errors) = launched
        Foundation.kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard !process.isRunning else {
            kill(process)
            return nil
        }
        return Run(status: process.terminationReason == .exit ? process.terminationStatus : -process.terminationStatus,
                   output: String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                   errors: String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    /// Runs `smbtriage ARGS --db <scratch>` to completion.
    @discardableResult
    func run(_ arguments: [String], useDatabase: Bool = true, launcher: [String] = [],
             unsetting: [String] = []) throws -> Run {
        let (process, output, errors) = try launch(arguments, useDatabase: useDatabase, launcher: launcher,
                                                   unsetting: unsetting)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                   errors: String(decoding: errorData, as: UTF8.self))
    }

    /// Appends `text` to the file at `path` in one write.
    func append(_ text: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    /// Polls the store's alert count until it reaches `count` or 20 s pass; returns the last count.
    func waitForAlerts(_ count: Int) throws -> Int {
        var seen = 0
        for _ in 0..<100 {
            seen = try run(["alerts", "--json", "--limit", "100000"]).jsonLines.count
            if seen >= count { return seen }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return seen
    }

    /// Writes a file into the scratch directory and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}

/// Packetbeat-style ECS flow lines for tests.
enum ECSFixture {
    /// One final flow report; `serial` makes each record (and so its fingerprint) distinct.
    static func flow(source: String, destination: String, port: Int = 445, serial: Int,
                     bytesOut: Int = 4096, hostName: String? = nil) -> String {
        let domain = hostName.map { ",\"domain\":\(jsonString($0))" } ?? ""
        return """
        {"@timestamp":"2026-11-30T10:\(String(format: "%02d", serial / 60 % 60)):\(String(format: "%02d", serial % 60)).000Z",\
        "event":{"dataset":"network_traffic.flow","kind":"event","category":["network"],"type":["connection","end"]},\
        "network":{"transport":"tcp","type":"ipv4"},"flow":{"id":"flow-\(serial)","final":true},\
        "source":{"ip":"\(source)","port":\(40000 + serial % 20000),"bytes":\(bytesOut),"packets":10\(domain)},\
        "destination":{"ip":"\(destination)","port":\(port),"bytes":512,"packets":8}}
        """
    }

    static func lines(_ flows: [String]) -> String { flows.joined(separator: "\n") + "\n" }

    private static func jsonString(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [text]), as: UTF8.self)
            .dropFirst().dropLast().description
    }
}
