import CLibFuzzer
import Foundation

/// Runs libFuzzer from a fuzz target's `main`: SwiftPM gives every executable its own entry
/// point, so the target calls libFuzzer's driver rather than linking libFuzzer's `main`.
public enum FuzzDriver {
    nonisolated(unsafe) private static var body: (UnsafeBufferPointer<UInt8>) -> Void = { _ in }

    /// Hands each input to `body` until libFuzzer stops (its flags come from the command line),
    /// then exits with libFuzzer's status.
    public static func run(_ body: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Never {
        self.body = body
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, count in FuzzDriver.fuzz(data, count) })
    }

    static func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
        body(UnsafeBufferPointer(start: data, count: count))
        return 0
    }
}

/// The entry point libFuzzer's own `main` (linked in by `-sanitize=fuzzer`, but overridden by the
/// target's) refers to; it runs the same body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzDriver.fuzz(data, count)
}
