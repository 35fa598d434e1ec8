import Foundation

/// `watch --on-alert`: runs a command for each execution that created alerts, with those alerts
/// as JSON lines on its standard input, on a thread of its own so that a slow or failing command
/// never holds up detection. One run at a time, each killed after the timeout; alerts that arrive
/// while a run is under way wait and go to the next run together, so none is dropped. Every run
/// is reported in one line.
public final class AlertHook: @unchecked Sendable {
    private let command: ShellCommand
    private let condition = NSCondition()
    /// Guarded by `condition`: the alerts no run has taken yet, and whether `finish` was called.
    private var waiting = Delivery()
    private var isFinishing = false
    private var isDone = false

    /// The alerts of one or more executions, as JSON lines.
    private struct Delivery {
        var executionIDs: [Int64] = []
        var lines: [Data] = []
    }

    public init(command: ShellCommand) {
        self.command = command
        Thread.detachNewThread { [self] in work() }
    }

    /// Queues the alerts execution `executionID` created (`lines`: one JSON document each).
    public func submit(executionID: Int64, lines: [Data]) {
        guard !lines.isEmpty else { return }
        condition.withLock {
            waiting.executionIDs.append(executionID)
            waiting.lines += lines
            condition.signal()
        }
    }

    /// Waits until every queued alert went to a run and the runs ended (each is bounded by the timeout).
    public func finish() {
        condition.withLock {
            isFinishing = true
            condition.broadcast()
            while !isDone { condition.wait() }
        }
    }

    private func work() {
        while let delivery = next() {
            let outcome = command.run(input: Data(delivery.lines.joined()))
            let line = Self.report(outcome, alerts: delivery.lines.count, executions: delivery.executionIDs,
                                   timeout: command.timeout)
            if case .exited(0) = outcome { StandardOutput.print(line) } else { StandardError.print(line) }
        }
    }

    /// The next delivery, waiting for one; nil once `finish` was called and nothing is left.
    private func next() -> Delivery? {
        condition.withLock {
            while waiting.lines.isEmpty, !isFinishing { condition.wait() }
            guard !waiting.lines.isEmpty else {
                isDone = true
                condition.broadcast()
                return nil
            }
            defer { waiting = Delivery() }
            return waiting
        }
    }

    /// `on-alert: 2 alerts of execution 12: the command exited with status 1`.
    static func report(_ outcome: ShellCommand.Outcome, alerts: Int, executions: [Int64],
                       timeout: TimeInterval) -> String {
        let count = alerts == 1 ? "1 alert" : "\(alerts) alerts"
        let ids = executions.map(String.init).joined(separator: ", ")
        let subject = "on-alert: \(count) of execution\(executions.count == 1 ? "" : "s") \(ids)"
        switch outcome {
        case .exited(0):
            return "\(subject): the command succeeded"
        case .exited(let status):
            return "\(subject): the command exited with status \(status)"
        case .killedBySignal(let number):
            return "\(subject): the command was ended by signal \(number)"
        case .timedOut:
            return "\(subject): the command did not finish within \(Int(timeout)) s and was killed"
        case .failedToStart(let reason):
            return "\(subject): the command could not start: \(TerminalText.safe(reason))"
        }
    }
}
