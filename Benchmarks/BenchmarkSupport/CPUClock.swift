import Foundation

/// CPU time, which unlike wall time does not grow while other processes preempt a benchmark on a
/// shared machine.
public enum CPUClock {
    /// Seconds of CPU time the calling thread has used: what work costs on one core.
    public static func threadSeconds() -> Double {
        seconds(of: CLOCK_THREAD_CPUTIME_ID)
    }

    /// Seconds of CPU time every thread of this process has used.
    public static func processSeconds() -> Double {
        seconds(of: CLOCK_PROCESS_CPUTIME_ID)
    }

    private static func seconds(of clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
