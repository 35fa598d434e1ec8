import Foundation

/// Copies a `ByteSource` into one end of a socket pair on a thread of its own, so C code can read
/// the other end as a descriptor. A socket rather than a pipe: `send` with `MSG_NOSIGNAL` reports
/// a reader that stopped early as an error instead of raising SIGPIPE.
final class StreamFeeder: @unchecked Sendable {
    /// The descriptor to read; whoever reads it closes it, which tells the thread to stop.
    let readEnd: Int32
    private let writeEnd: Int32
    private let source: any ByteSource
    private let done = DispatchSemaphore(value: 0)
    /// Set by the thread before it signals `done`; read only after.
    private var failure: SourceError?

    init(source: any ByteSource) throws(SourceError) {
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw SourceError(message: "cannot create a socket pair: \(String(cString: strerror(errno)))")
        }
        readEnd = ends[0]
        writeEnd = ends[1]
        self.source = source
        let thread = Thread { [self] in feed() }
        thread.name = "smbtriage capture feeder"
        thread.start()
    }

    /// Blocks until the thread ended; returns why the source stopped early, if it did.
    func waitUntilDone() -> SourceError? {
        done.wait()
        done.signal()
        return failure
    }

    private func feed() {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        defer {
            buffer.deallocate()
            close(writeEnd)
            done.signal()
        }
        do throws(SourceError) {
            while true {
                let count = try source.read(into: buffer)
                if count == 0 { return }
                var sent = 0
                while sent < count {
                    let result = send(writeEnd, buffer.baseAddress! + sent, count - sent, Int32(MSG_NOSIGNAL))
                    if result < 0 {
                        if errno == EINTR { continue }
                        return // the reader stopped early: nothing more to hand it
                    }
                    sent += result
                }
            }
        } catch {
            failure = error
        }
    }
}
