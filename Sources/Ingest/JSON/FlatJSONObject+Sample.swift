extension FlatJSONObject {
    /// The first line of a sniffing sample that parses as a JSON object (a byte-order mark
    /// tolerated), or nil: what the JSON readers' `recognizes` look at.
    static func firstObject(in sample: [String]) -> FlatJSONObject? {
        var object = FlatJSONObject()
        for line in sample {
            let parsed = line.withASCIIBytes { bytes in (try? object.reparse(bytes.droppingByteOrderMark)) != nil }
            if parsed { return object }
        }
        return nil
    }
}
