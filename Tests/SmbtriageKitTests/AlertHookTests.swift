import Foundation
@testable import SmbtriageKit
import Testing

/// `watch --on-alert`: the shell command's run, its time limit, and the line each run is reported in.
@Suite struct AlertHookTests {
    @Test func theCommandGetsItsInputAndEnvironmentAndItsStatusIsReported() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("hook-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let command = ShellCommand(command: "cat > \"$TARGET\"; exit 3", timeout: 10, environment: ["TARGET": output.path])
        #expect(command.run(input: Data("{\"a\":1}\n".utf8)) == .exited(3))
        #expect(try String(contentsOf: output, encoding: .utf8) == "{\"a\":1}\n")
    }

    @Test func aCommandPastItsTimeoutIsKilled() {
        let started = Date()
        #expect(ShellCommand(command: "sleep 30", timeout: 0.5, environment: [:]).run(input: Data()) == .timedOut)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func everyOutcomeIsOneLineNamingTheAlertsAndExecutions() {
        #expect(AlertHook.report(.exited(0), alerts: 1, executions: [12], timeout: 30)
            == "on-alert: 1 alert of execution 12: the command succeeded")
        #expect(AlertHook.report(.exited(1), alerts: 2, executions: [12, 13], timeout: 30)
            == "on-alert: 2 alerts of executions 12, 13: the command exited with status 1")
        #expect(AlertHook.report(.timedOut, alerts: 2, executions: [4], timeout: 30)
            == "on-alert: 2 alerts of execution 4: the command did not finish within 30 s and was killed")
        #expect(AlertHook.report(.failedToStart("no \u{1B}[31msh"), alerts: 1, executions: [4], timeout: 30)
            .hasSuffix("the command could not start: no \\x1b[31msh"))
    }
}
