/// One record line of a demo file, with the time that orders it in the file and what it maps to:
/// `event` is nil for a record the readers count but skip (a Suricata `dns` event, a Sysmon
/// process-creation event).
struct DemoRecord {
    var time: Timestamp
    var line: String
    var event: ECSView?
}
