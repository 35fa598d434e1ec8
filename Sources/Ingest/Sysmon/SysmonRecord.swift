/// One Windows event line in any of the three shapes Sysmon data arrives in, read through one
/// set of accessors: Winlogbeat 7.x output (ECS fields present), Winlogbeat 8 raw output
/// (`winlog.event_data.*` strings, `winlog.event_id`), and flat NXLog/HELK JSON (top-level
/// `EventID`, `Channel`, `Hostname`, Sysmon's names as keys, all values strings).
///
/// Every value goes through Elastic's clean-up first: `-`, empty and the all-zero GUID are absent.
struct SysmonRecord {
    typealias Key = FlatJSONObject.Key

    /// Where one value may be: the ECS field Winlogbeat 7 writes, then the raw and flat EventData
    /// names. `name` is the Sysmon name rejections quote.
    struct Field {
        let name: String
        let keys: [Key]

        /// An EventData value, raw (`winlog.event_data.<name>`) or flat (`<name>`), after the ECS
        /// field when one is given.
        init(ecs: String? = nil, eventData name: String) {
            self.name = name
            keys = (ecs.map { [Key($0)] } ?? []) + [Key("winlog.event_data." + name), Key(name)]
        }

        /// A value only ever at the given paths, first found wins.
        init(name: String, paths: [String]) {
            self.name = name
            keys = paths.map(Key.init)
        }
    }

    let object: FlatJSONObject

    private static let eventIDKeys = ["winlog.event_id", "EventID", "event.code"].map(Key.init)
    private static let channel = Field(name: "Channel", paths: ["winlog.channel", "Channel"])
    private static let provider = Field(name: "Provider", paths: ["winlog.provider_name", "SourceName", "event.provider"])
    private static let module = Key("event.module")

    /// `winlog.event_id`, `EventID` or (Winlogbeat 7) `event.code`.
    var eventID: Int64? {
        Self.eventIDKeys.lazy.compactMap { object.integer($0) }.first
    }

    /// False only when the line names a channel or provider and it is not Sysmon's.
    var isSysmon: Bool {
        let channel = value(Self.channel)
        let provider = value(Self.provider)
        if channel == nil, provider == nil { return true }
        return channel == "Microsoft-Windows-Sysmon/Operational" || provider == "Microsoft-Windows-Sysmon"
            || object.string(Self.module) == "sysmon"
    }

    /// The first value of a field that is not a placeholder.
    func value(_ field: Field) -> String? {
        for key in field.keys {
            if let text = object.string(key), !Self.isPlaceholder(text) { return text }
        }
        return nil
    }

    static func isPlaceholder(_ text: String) -> Bool {
        text.isEmpty || text == "-" || text == "{00000000-0000-0000-0000-000000000000}"
            || text == "00000000-0000-0000-0000-000000000000"
    }
}
