import Foundation

/// Runs a Python script the way the benchmarks compare against DuckDB for Python.
public enum PythonScript {
    /// The standard output of `python3 -c script arguments…`; nil when python3 could not start or
    /// exited non-zero (a script exits 3 when a module it needs is not installed).
    public static func output(of script: String, arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
