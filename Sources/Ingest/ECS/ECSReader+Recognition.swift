extension ECSReader {
    /// Keys that mark a JSON object as another format's, even when it also has ECS-like fields:
    /// Zeek (`id.orig_h`, `id_orig_h`, `_path`) and Suricata eve (`src_ip`).
    private static let foreignMarkers = ["id.orig_h", "id_orig_h", "_path", "src_ip"].map(FlatJSONObject.Key.init)

    /// True when more sampled lines are JSON objects with ECS network fields (`source.ip`,
    /// `destination.ip`, `event.dataset`, `ecs.version`, plain or under `_source`) than are text
    /// that is no JSON object or objects with another format's markers. Blank lines, other objects
    /// and lines that start like an object but do not parse (a malformed record, or one cut by the
    /// sample) count for neither: a few bad lines do not decide the format.
    public static func recognizes(_ sample: [String]) -> Bool {
        var object = FlatJSONObject()
        var ecsLines = 0
        var otherLines = 0
        for line in sample {
            let parsed = line.withLineBytes { bytes in (try? object.reparse(bytes.droppingByteOrderMark)) != nil }
            if !parsed {
                let start = line.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
                if !start.isEmpty && !start.hasPrefix("{") { otherLines += 1 }
            } else if isForeign(object) {
                otherLines += 1
            } else if [ECSFieldKeys.topLevel, ECSFieldKeys.searchHit].contains(where: { keys in
                [keys.sourceIP, keys.destinationIP, keys.dataset, keys.ecsVersion].contains(where: object.contains)
            }) {
                ecsLines += 1
            }
        }
        return ecsLines > otherLines
    }

    /// True when the object carries another format's markers.
    static func isForeign(_ object: FlatJSONObject) -> Bool {
        foreignMarkers.contains(where: object.contains)
    }
}
