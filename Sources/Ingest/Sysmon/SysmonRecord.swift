/// One Windows event line in any of the three shapes Sysmon data arrives in, read through one
/// set of accessors: Winlogbeat 7.x output (ECS fields present), Winlogbeat 8 raw output
/// (`winlog.event_data.*` strings, `winlog.event_id`), and flat NXLog/HELK JSON (top-level
/// `EventID`, `Channel`, `Hostname`, Sysmon's names as keys, all values strings).
///
/// Every value goes through Elastic's clean-up first: `-`, empty and the all-zero GUID are absent.
struct SysmonRecord {
    let object: FlatJSONObject

    /// `winlog.event_id`, `EventID` or (Winlogbeat 7) `event.code`.
    var eventID: Int64? {
        object.integer("winlog.event_id") ?? object.integer("EventID") ?? object.integer("event.code")
    }

    /// False only when the line names a channel or provider and it is not Sysmon's.
    var isSysmon: Bool {
        let channel = value("winlog.channel") ?? value("Channel")
        let provider = value("winlog.provider_name") ?? value("SourceName") ?? value("event.provider")
        if channel == nil, provider == nil { return true }
        return channel == "Microsoft-Windows-Sysmon/Operational" || provider == "Microsoft-Windows-Sysmon"
            || value("event.module") == "sysmon"
    }

    /// An EventData value by its Sysmon name (`SourceIp`), raw or flat.
    func eventData(_ name: String) -> String? {
        value("winlog.event_data." + name) ?? value(name)
    }

    /// The ECS field when Winlogbeat 7 wrote it, else the EventData value it comes from.
    func field(ecs path: String, sysmon name: String) -> String? {
        value(path) ?? eventData(name)
    }

    /// A value at a path, absent when Sysmon's placeholders stand in for nothing.
    func value(_ path: String) -> String? {
        guard let text = object.string(path) else { return nil }
        return Self.isPlaceholder(text) ? nil : text
    }

    static func isPlaceholder(_ text: String) -> Bool {
        text.isEmpty || text == "-" || text == "{00000000-0000-0000-0000-000000000000}"
            || text == "00000000-0000-0000-0000-000000000000"
    }
}
