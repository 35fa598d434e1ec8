import Foundation

/// Counts a demo file's records, network events, SMB events and distinct SMB flows on its own,
/// from the raw lines, without the project's readers: a second opinion on the generator's README.
struct DemoFileCounter {
    var records = 0
    var events = 0
    var smbEvents = 0
    /// SMB events once Packetbeat reports sharing a flow id count once.
    var keptEvents = 0

    private static let smbPorts: Set = [139, 445]

    init(format: String, text: String) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        switch format {
        case "zeek-tsv": try countZeekTSV(lines)
        case "panos": countPANOS(lines)
        default: try countJSON(lines, format: format)
        }
    }

    private mutating func add(isEvent: Bool, isSMB: Bool, flowID: String? = nil, seenFlows: inout Set<String>) {
        records += 1
        guard isEvent else { return }
        events += 1
        guard isSMB else { return }
        smbEvents += 1
        if let flowID {
            if seenFlows.insert(flowID).inserted { keptEvents += 1 }
        } else {
            keptEvents += 1
        }
    }

    private static func isSMB(transport: String?, ports: [Int?]) -> Bool {
        transport?.lowercased() == "tcp" && ports.contains { $0.map(smbPorts.contains) ?? false }
    }

    private mutating func countZeekTSV(_ lines: [String]) throws {
        var fields: [String] = []
        var path = ""
        var seen: Set<String> = []
        for line in lines {
            if line.hasPrefix("#fields\t") { fields = line.split(separator: "\t").dropFirst().map(String.init) }
            if line.hasPrefix("#path\t") { path = String(line.dropFirst("#path\t".count)) }
            if line.hasPrefix("#") { continue }
            let values = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard values.count == fields.count else { throw CounterError.malformed(line) }
            let row = Dictionary(uniqueKeysWithValues: zip(fields, values))
            let ports = [row["id.orig_p"], row["id.resp_p"]].map { $0.flatMap { Int($0) } }
            let smb = path.hasPrefix("smb_") || Self.isSMB(transport: row["proto"], ports: ports)
            add(isEvent: true, isSMB: smb, seenFlows: &seen)
        }
    }

    private mutating func countPANOS(_ lines: [String]) {
        var seen: Set<String> = []
        for line in lines {
            let payloadStart = line[..<(line.firstIndex(of: ",") ?? line.endIndex)].lastIndex(of: " ")
                .map { line.index(after: $0) } ?? line.startIndex
            let fields = Self.splitCSV(String(line[payloadStart...]))
            let isTraffic = fields.count > 29 && fields[3] == "TRAFFIC"
            let smb = isTraffic && Self.isSMB(transport: fields[29], ports: [Int(fields[24]), Int(fields[25])])
            add(isEvent: isTraffic, isSMB: smb, seenFlows: &seen)
        }
    }

    /// PAN-OS CSV: quoted fields may hold commas, and so may a bare `{…}` list.
    static func splitCSV(_ text: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var inQuotes = false
        var braceDepth = 0
        for character in text {
            switch character {
            case "\"": inQuotes.toggle()
            case "{" where !inQuotes: braceDepth += 1; current.append(character)
            case "}" where !inQuotes: braceDepth -= 1; current.append(character)
            case "," where !inQuotes && braceDepth == 0: fields.append(current); current = ""
            default: current.append(character)
            }
        }
        fields.append(current)
        return fields
    }

    private mutating func countJSON(_ lines: [String], format: String) throws {
        var seen: Set<String> = []
        for line in lines {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw CounterError.malformed(line)
            }
            let document = JSONPath(object["_source"] as? [String: Any] ?? object)
            switch format {
            case "ecs":
                let ports = [document.int("source.port"), document.int("destination.port")]
                let smb = Self.isSMB(transport: document.string("network.transport"), ports: ports)
                let flowID = document.string("flow.id") ?? document.string("network_traffic.flow.id")
                add(isEvent: document.string("source.ip") != nil, isSMB: smb, flowID: flowID, seenFlows: &seen)
            case "zeek-json":
                let isConnection = document.string("conn_state") != nil
                let ports = [document.int("id.orig_p"), document.int("id.resp_p")]
                let smb = !isConnection || Self.isSMB(transport: document.string("proto"), ports: ports)
                add(isEvent: true, isSMB: smb, seenFlows: &seen)
            case "suricata":
                let type = document.string("event_type")
                let ports = [document.int("src_port"), document.int("dest_port")]
                let smb = Self.isSMB(transport: document.string("proto"), ports: ports)
                add(isEvent: ["flow", "smb", "dns"].contains(type), isSMB: smb, seenFlows: &seen)
            case "sysmon":
                let data = document.string("winlog.event_id") != nil ? "winlog.event_data." : ""
                let eventID = document.int("winlog.event_id") ?? document.int("EventID")
                let ports = [document.int(data + "SourcePort"), document.int(data + "DestinationPort")]
                let smb = Self.isSMB(transport: document.string(data + "Protocol"), ports: ports)
                add(isEvent: eventID == 3, isSMB: smb, seenFlows: &seen)
            default:
                throw CounterError.unknownFormat(format)
            }
        }
    }

    enum CounterError: Error {
        case malformed(String)
        case unknownFormat(String)
    }
}

/// Looks a dotted path up in a JSON object whose keys may be nested, dotted, or a mix.
struct JSONPath {
    private let object: [String: Any]

    init(_ object: [String: Any]) {
        self.object = object
    }

    func value(_ path: String) -> Any? {
        Self.lookup(path[...], in: object)
    }

    private static func lookup(_ path: Substring, in object: [String: Any]) -> Any? {
        if let direct = object[String(path)] { return direct }
        var separator = path.firstIndex(of: ".")
        while let dot = separator {
            if let child = object[String(path[..<dot])] as? [String: Any],
               let found = lookup(path[path.index(after: dot)...], in: child) {
                return found
            }
            separator = path[path.index(after: dot)...].firstIndex(of: ".")
        }
        return nil
    }

    func string(_ path: String) -> String? {
        switch value(path) {
        case let text as String: text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    func int(_ path: String) -> Int? {
        string(path).flatMap { Int($0) }
    }
}
