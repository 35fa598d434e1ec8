import Foundation
import Synchronization

/// The first SIGINT or SIGTERM received, 0 before any. A signal handler may only touch lock-free
/// state, hence a global atomic.
private let receivedStopSignal = Atomic<Int32>(0)

/// SIGINT and SIGTERM ask a long-running command (`watch`) to stop at its next safe point instead
/// of ending it at once; a second one ends it at once.
public enum StopSignal {
    /// Installs the handlers and unblocks both signals on the calling thread (a parent may have
    /// started this process with them blocked). Call it on the main thread before starting others.
    public static func install() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in [SIGINT, SIGTERM] {
            sigaddset(&signals, number)
            signal(number) { number in
                _ = receivedStopSignal.compareExchange(expected: 0, desired: number, ordering: .relaxed)
                signal(SIGINT, SIG_DFL)
                signal(SIGTERM, SIG_DFL)
            }
        }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// The signal's name once one arrived: `SIGTERM`, `SIGINT`.
    public static var received: String? {
        switch receivedStopSignal.load(ordering: .relaxed) {
        case 0: nil
        case SIGINT: "SIGINT"
        default: "SIGTERM"
        }
    }

    /// Sleeps for `seconds`, waking early when a stop signal arrives.
    public static func sleep(_ seconds: TimeInterval) {
        let end = Date().addingTimeInterval(seconds)
        while received == nil, Date() < end {
            Thread.sleep(forTimeInterval: min(0.1, end.timeIntervalSinceNow))
        }
    }
}
