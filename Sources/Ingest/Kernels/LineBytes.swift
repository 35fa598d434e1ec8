import Detection
import Foundation

/// A read-only view of log bytes (a line, a column, a JSON value) that the readers pass around
/// instead of raw pointers. It indexes from 0, checks bounds in debug builds, slices into views of
/// its own and lends its bytes as a `Span`. One of the Ingest kernel files (see ARCHITECTURE.md):
/// the pointer it holds is touched only here and in the other kernels, and
/// `KernelDifferentialTests` checks it against an array.
///
/// A view borrows memory it does not own: it is valid only while that memory is (during the
/// call that hands it over), like the pointer it replaces.
public struct LineBytes {
    /// The viewed bytes. Only kernel files read it.
    @usableFromInline let unsafeBuffer: UnsafeBufferPointer<UInt8>

    /// A view of `buffer`, which must stay valid and unchanged while the view is used.
    @inlinable @inline(__always)
    public init(unsafeBuffer buffer: UnsafeBufferPointer<UInt8>) {
        unsafeBuffer = buffer
    }

    /// An empty view.
    @inlinable
    public init() {
        unsafeBuffer = UnsafeBufferPointer(start: nil, count: 0)
    }

    /// The bytes in `range` (within `0..<count`) as a view of their own, indexed from 0.
    @inlinable @inline(__always)
    public func extracting(_ range: Range<Int>) -> LineBytes {
        LineBytes(unsafeBuffer: UnsafeBufferPointer(rebasing: unsafeBuffer[range]))
    }

    /// The view without its first `count` bytes (empty when it holds fewer).
    @inlinable @inline(__always)
    public func extracting(droppingFirst count: Int) -> LineBytes {
        extracting(Swift.min(count, self.count)..<self.count)
    }

    /// The view's first `count` bytes (all of them when it holds fewer).
    @inlinable @inline(__always)
    public func extracting(first count: Int) -> LineBytes {
        extracting(0..<Swift.min(count, self.count))
    }

    /// Calls `body` with the bytes as a `Span` (a function cannot return one in Swift 6.3).
    @inlinable @inline(__always)
    public func withSpan<Result, Failure: Error>(
        _ body: (Span<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(unsafeBuffer.span)
    }

    /// The bytes as a string, invalid UTF-8 repaired (decoded from the buffer, the standard
    /// library's fastest path).
    @inlinable @inline(__always)
    public var decodedString: String {
        String(decoding: unsafeBuffer, as: UTF8.self)
    }

    /// The index of the first `byte` at or after `start`, or nil; found with `memchr`, which the C
    /// library vectorizes.
    @inlinable
    public func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard let base = unsafeBuffer.baseAddress, start < count else { return nil }
        guard let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

extension LineBytes: RandomAccessCollection {
    public typealias Index = Int

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { unsafeBuffer.count }
    @inlinable public var count: Int { unsafeBuffer.count }

    @inlinable
    public subscript(position: Int) -> UInt8 {
        @inline(__always) get { unsafeBuffer[position] }
    }

    /// Lets `String(decoding:as:)`, `Array(_:)` and the other generic algorithms copy the bytes at once.
    @inlinable
    public func withContiguousStorageIfAvailable<Result>(
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result? {
        try body(unsafeBuffer)
    }
}

extension Array<UInt8> {
    /// Calls `body` with a view of the array's bytes, valid during the call.
    @inlinable
    public func withLineBytes<Result, Failure: Error>(
        _ body: (LineBytes) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try withUnsafeBufferPointer { buffer throws(Failure) in try body(LineBytes(unsafeBuffer: buffer)) }
    }
}

extension String {
    /// Calls `body` with a view of the string's UTF-8 bytes (contiguous after at most one copy).
    public func withLineBytes<Result, Failure: Error>(
        _ body: (LineBytes) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        var text = self
        let result = text.withUTF8 { buffer in
            Swift.Result { () throws(Failure) in try body(LineBytes(unsafeBuffer: buffer)) }
        }
        return try result.get()
    }
}

extension IPAddress {
    /// Parses an address from a view's UTF-8 bytes (IPv4 without allocating); nil when they are not one.
    @inline(__always)
    init?(utf8 bytes: LineBytes) {
        self.init(utf8: bytes.unsafeBuffer)
    }
}
