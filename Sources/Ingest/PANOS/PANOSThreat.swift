import Foundation

/// How the panw pipeline reads a THREAT row's subtype (field 5), threat name (33), severity (35)
/// and direction (36): `default.yml` and `threat.yml` of `packages/panw/data_stream/panos`.
enum PANOSThreat {
    /// `event.action` from the subtype (`vulnerability` → `exploit_detected`, …).
    static func eventAction(subtype: String?) -> String? {
        switch subtype {
        case "data": "data_match"
        case "file": "file_match"
        case "flood": "flood_detected"
        case "packet": "packet_attack"
        case "scan": "scan_detected"
        case "spyware": "spyware_detected"
        case "url": "url_filtering"
        case "virus": "virus_detected"
        case "vulnerability": "exploit_detected"
        case "wildfire": "wildfire_verdict"
        case "wildfire-virus": "wildfire_virus_detected"
        default: nil
        }
    }

    /// `event.severity` from `log.level` (the severity text): critical 1 … informational 5.
    static func severity(_ level: String?) -> Int? {
        switch level {
        case "critical": 1
        case "high": 2
        case "medium": 3
        case "low": 4
        case "informational": 5
        default: nil
        }
    }

    /// `panw.panos.threat.name`: the name without its trailing `(id)`, as the pipeline's grok
    /// `^%{GREEDYDATA:name}\(\s*%{NUMBER:id}\s*\)$` splits it; id 9999 is `URL-filtering`.
    static func name(_ text: String) -> String {
        guard text.last == ")", let open = text.lastIndex(of: "(") else { return text }
        let id = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty, id.allSatisfy(\.isNumber) else { return text }
        return id == "9999" ? "URL-filtering" : String(text[..<open])
    }

    /// `network.direction` from the direction field: `0`/`client-to-server` is `inbound`,
    /// `1`/`server-to-client` `outbound`, anything else `unknown` (the pipeline's own reading).
    static func direction(_ text: String?) -> String {
        switch text {
        case "0", "client-to-server": "inbound"
        case "1", "server-to-client": "outbound"
        default: "unknown"
        }
    }
}
