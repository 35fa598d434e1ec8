import Foundation

/// What this process has used so far.
public enum ProcessUsage {
    /// CPU seconds (user + system) and peak RSS in KiB.
    public static func now() -> (cpuSeconds: Double, peakKiB: Int) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return (cpuSeconds(of: usage), usage.ru_maxrss)
    }

    /// CPU seconds (user + system) of the child processes this process has waited for.
    public static func childrenCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return cpuSeconds(of: usage)
    }

    /// Resident memory now, in MiB (from /proc/self/statm; NaN where it cannot be read).
    public static func residentMegabytes() -> Double {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return .nan }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    /// The machine's load averages over 1, 5 and 15 minutes as /proc/loadavg gives them ("?" where
    /// it cannot be read): how much a wall time there waited for a core.
    public static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "?" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    private static func cpuSeconds(of usage: rusage) -> Double {
        Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
