extension ECSReader {
    /// Keys that mark a JSON object as another format's, even when it also has ECS-like fields:
    /// Zeek (`id.orig_h`, `id_orig_h`, `_path`) and Suricata eve (`event_type` with `src_ip`).
    private static let foreignMarkers = ["id.orig_h", "id_orig_h", "_path", "src_ip"].map(FlatJSONObject.Key.init)

    /// True when some sampled line is a JSON object with ECS network fields (`source.ip`,
    /// `destination.ip`, `event.dataset`, `ecs.version`, plain or under `_source`), every other
    /// line is blank or at least starts like a JSON object (a malformed record), and no line
    /// carries another format's markers.
    public static func recognizes(_ sample: [String]) -> Bool {
        var object = FlatJSONObject()
        var sawECS = false
        for line in sample {
            var bytes = Array(line.utf8)
            let parsed = bytes.withUnsafeMutableBufferPointer { buffer -> Bool in
                (try? object.reparse(UnsafeBufferPointer(buffer))) != nil
            }
            if !parsed {
                let start = line.drop(while: \.isWhitespace)
                if start.isEmpty || start.hasPrefix("{") { continue }
                return false
            }
            if foreignMarkers.contains(where: object.contains) { return false }
            sawECS = sawECS || [ECSFieldKeys.topLevel, ECSFieldKeys.searchHit].contains { keys in
                [keys.sourceIP, keys.destinationIP, keys.dataset, keys.ecsVersion].contains(where: object.contains)
            }
        }
        return sawECS
    }
}
