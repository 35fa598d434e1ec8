/// Every file of the demo folder, built from one story.
enum DemoDataSet {
    /// The seed the committed demo-data/ was generated with.
    static let seed: UInt64 = 20_261_130

    static func files(_ story: Story) -> [DemoFile] {
        [
            PacketbeatWriter.packetbeatFile(story),
            PacketbeatWriter.elasticAgentFile(story),
            ZeekTSVWriter.file(
                ZeekLog.connections(story, sensor: .zeekHQ), path: "zeek/conn.log",
                summary: "Zeek conn.log (TSV) at HQ: SMB, DNS and TLS connections"
            ),
            ZeekTSVWriter.file(
                ZeekLog.smbMappings(story, sensor: .zeekHQ), path: "zeek/smb_mapping.log",
                summary: "Zeek smb_mapping.log (TSV) at HQ: tree connects to the file servers"
            ),
            ZeekTSVWriter.file(
                ZeekLog.smbFiles(story, sensor: .zeekHQ), path: "zeek/smb_files.log",
                summary: "Zeek smb_files.log (TSV) at HQ: files opened on the file servers"
            ),
            ZeekJSONWriter.file(
                ZeekLog.connections(story, sensor: .zeekBranch), path: "zeek-json/conn.json",
                summary: "Zeek conn log as JSON (`LogAscii::use_json`) at the branch office"
            ),
            ZeekJSONWriter.file(
                ZeekLog.smbMappings(story, sensor: .zeekBranch), path: "zeek-json/smb_mapping.json",
                summary: "Zeek smb_mapping log as JSON at the branch office"
            ),
            SuricataWriter.file(story),
            PANOSWriter.file(story),
            WinlogbeatWriter.file(story),
            NXLogWriter.file(story),
        ]
    }
}
