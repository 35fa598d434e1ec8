import Foundation

/// A command line run by `/bin/sh -c` in a process group of its own, with the given standard input
/// and a time limit; its standard output and error are this process's.
public struct ShellCommand {
    public let command: String
    public let timeout: TimeInterval
    /// Variables added to this process's environment.
    public let environment: [String: String]

    public init(command: String, timeout: TimeInterval, environment: [String: String]) {
        self.command = command
        self.timeout = timeout
        self.environment = environment
    }

    /// How a run ended.
    public enum Outcome: Equatable {
        case exited(Int32)
        case killedBySignal(Int32)
        case timedOut
        case failedToStart(String)
    }

    /// Runs the command with `input` on its standard input, killing its whole process group once the
    /// timeout passes. The input is written on a thread of its own, so a command that does not read
    /// it cannot hold this up.
    public func run(input: Data) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardInput = pipe
        do {
            try process.run()
        } catch {
            return .failedToStart("\(error)")
        }
        let writer = pipe.fileHandleForWriting
        Thread.detachNewThread {
            // A command that exits without reading everything closes the pipe: the write fails with
            // EPIPE, and the SIGPIPE that comes with it stays blocked on this thread, which ends.
            var pipeSignal = sigset_t()
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
            try? writer.write(contentsOf: input)
            try? writer.close()
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        guard !process.isRunning else {
            // Foundation starts the command as the leader of a new process group.
            kill(-process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return .timedOut
        }
        return process.terminationReason == .exit
            ? .exited(process.terminationStatus) : .killedBySignal(process.terminationStatus)
    }
}
