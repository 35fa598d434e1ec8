extension String {
    /// Runs `body` over the string's UTF-8 bytes (contiguous after at most one copy).
    func withASCIIBytes<Value, Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Value
    ) throws(Failure) -> Value {
        var text = self
        let result = text.withUTF8 { bytes in Result { () throws(Failure) in try body(bytes) } }
        return try result.get()
    }
}
