extension FlatJSONObject {
    /// True when more of the sniffing sample's JSON objects satisfy `isOfFormat` than do not (a
    /// byte-order mark tolerated; lines that are no JSON object do not count): what the JSON
    /// readers' `recognizes` ask, so that a few foreign or broken records do not decide the format.
    static func mostObjects(in sample: [String], satisfy isOfFormat: (FlatJSONObject) -> Bool) -> Bool {
        var object = FlatJSONObject()
        var matching = 0
        var other = 0
        for line in sample {
            let parsed = line.withLineBytes { bytes in (try? object.reparse(bytes.droppingByteOrderMark)) != nil }
            guard parsed else { continue }
            if isOfFormat(object) { matching += 1 } else { other += 1 }
        }
        return matching > other
    }
}
