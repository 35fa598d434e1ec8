import Foundation

/// CPU time consumed by the calling thread: on a machine shared with other work this measures
/// what the evaluation costs on one core, not how long the scheduler kept it waiting.
enum ThreadClock {
    /// Seconds of CPU time the current thread has used.
    static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
