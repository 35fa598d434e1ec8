/// Writes Sysmon events as NXLog's `im_msvistalog` forwards them in flat JSON (the OTRF/HELK
/// shape): Windows envelope keys and the Sysmon EventData names at the top level, every EventData
/// value a string.
enum NXLogWriter {
    static func file(_ story: Story) -> DemoFile {
        var records: [DemoRecord] = []
        for connection in story.connections where connection.sensors.contains(.nxlog) {
            guard let process = connection.process else { continue }
            let line = event(
                time: connection.start, eventID: 3, task: 3, recordNumber: connection.ids.sysmonRecordID,
                category: "Network connection detected (rule: NetworkConnect)", hostName: process.hostName,
                data: SysmonEventData.networkConnect(connection, process: process)
            )
            records.append(DemoRecord(
                time: connection.start, line: line.serialized, event: SysmonEventData.ecsView(connection, process: process)
            ))
        }
        for start in story.processStarts where start.sensor == .nxlog {
            let line = event(
                time: start.time, eventID: 1, task: 1, recordNumber: start.recordID,
                category: "Process Create (rule: ProcessCreate)", hostName: start.process.hostName,
                data: SysmonEventData.processCreate(start)
            )
            records.append(DemoRecord(time: start.time, line: line.serialized, event: nil))
        }
        return DemoFile(
            path: "sysmon/nxlog.json", format: "sysmon",
            summary: "Sysmon events 3 (and 1, skipped) from NXLog as flat JSON, all EventData values strings",
            records: records
        )
    }

    private static func event(
        time: Timestamp, eventID: Int, task: Int, recordNumber: Int, category: String, hostName: String,
        data: [(String, String)]
    ) -> JSONValue {
        let received = time.adding(seconds: 2)
        return .object([
            ("EventTime", .string(time.nxlog)), ("Hostname", .string(hostName)),
            ("Keywords", .number("-9223372036854775808")), ("EventType", .string("INFO")), ("SeverityValue", .int(2)),
            ("Severity", .string("INFO")), ("EventID", .int(eventID)), ("SourceName", .string("Microsoft-Windows-Sysmon")),
            ("ProviderGuid", .string("{5770385F-C22A-43E0-BF4C-06F5698FFBD9}")),
            ("Version", .int(SysmonEventData.schemaVersion)),
            ("Task", .int(task)), ("OpcodeValue", .int(0)), ("RecordNumber", .int(recordNumber)),
            ("ExecutionProcessID", .int(3_172)), ("ThreadID", .int(4_012)),
            ("Channel", .string("Microsoft-Windows-Sysmon/Operational")), ("Domain", .string("NT AUTHORITY")),
            ("AccountName", .string("SYSTEM")), ("UserID", .string("S-1-5-18")), ("AccountType", .string("User")),
            ("Category", .string(category)), ("Opcode", .string("Info")),
        ] + data.map { ($0.0, JSONValue.string($0.1)) } + [
            ("EventReceivedTime", .string(received.nxlog)), ("SourceModuleName", .string("eventlog")),
            ("SourceModuleType", .string("im_msvistalog")),
        ])
    }
}
