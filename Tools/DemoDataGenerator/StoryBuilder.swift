import Foundation
import TestSupport

/// Draws the story's connections from a seeded generator; one extension per scenario.
struct StoryBuilder {
    var story = Story()
    var random: SplitMix64
    private var nextSessionID = 184_202
    private var nextRecordID = 7_310_455

    /// The alphabet of Zeek's connection and file ids.
    static let base62 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// A time on the story's day.
    func time(_ hour: Int, _ minute: Int, _ second: Int = 0) -> Timestamp {
        Story.day.at(hour: hour, minute: minute, second: second)
    }

    /// A client port from the Windows ephemeral range.
    mutating func ephemeralPort() -> Int {
        random.int(in: 49_152...65_535)
    }

    /// `time` plus a random number of microseconds below one second.
    mutating func jittered(_ time: Timestamp) -> Timestamp {
        time.adding(microseconds: random.int64(in: 0...999_999))
    }

    /// Fresh sensor identifiers for one connection.
    mutating func connectionIDs() -> ConnectionIDs {
        nextSessionID += random.int(in: 1...40)
        return ConnectionIDs(
            zeekUID: "C" + random.string(17, from: Self.base62),
            packetbeatFlowID: Data(random.bytes(28)).base64EncodedString(),
            suricataFlowID: random.next() & 0x7_FFFF_FFFF_FFFF,
            panosSessionID: nextSessionID,
            sysmonRecordID: sysmonRecordID()
        )
    }

    /// The next Sysmon event log record number (other events fall in between).
    mutating func sysmonRecordID() -> Int {
        nextRecordID += random.int(in: 1...25)
        return nextRecordID
    }

    /// A process as Sysmon names it: a random GUID in Sysmon's braces and a plausible pid.
    mutating func process(image: String, user: String, hostName: String, pid: Int? = nil) -> ProcessInfo {
        let hex = Array("0123456789abcdef")
        let guid = "{\(random.string(8, from: hex))-\(random.string(4, from: hex))-6f0e-"
            + "\(random.string(4, from: hex))-\(random.string(12, from: hex))}"
        return ProcessInfo(
            image: image, processID: pid ?? random.int(in: 1_200...14_800), guid: guid, user: user,
            hostName: hostName + "." + Story.domain
        )
    }

    /// The Windows kernel's `System` process (pid 4), which opens SMB sessions for mapped drives.
    mutating func systemProcess(on hostName: String) -> ProcessInfo {
        process(image: "System", user: "NT AUTHORITY\\SYSTEM", hostName: hostName, pid: 4)
    }

    /// A completed TCP connection; packet counts follow from the payload (full segments one way,
    /// delayed ACKs the other).
    mutating func completed(
        from client: String, to server: String, port: Int, application: Application, at start: Timestamp,
        seconds duration: Double, clientBytes: Int64, serverBytes: Int64, sensors: Set<Sensor>
    ) -> Connection {
        let clientPackets = max(6, clientBytes / 1_380 + serverBytes / 2_900 + 4)
        let serverPackets = max(5, serverBytes / 1_380 + clientBytes / 2_900 + 3)
        return Connection(
            client: Endpoint(address: client, port: ephemeralPort()), server: Endpoint(address: server, port: port),
            transport: .tcp, application: application, start: start, duration: duration,
            clientBytes: clientBytes, serverBytes: serverBytes,
            clientPackets: clientPackets, serverPackets: serverPackets, outcome: .completed,
            sensors: sensors, ids: connectionIDs()
        )
    }

    /// A TCP connection attempt nobody answered: one SYN plus `retries` retransmissions.
    mutating func unanswered(
        from client: String, to server: String, port: Int, at start: Timestamp, retries: Int, sensors: Set<Sensor>
    ) -> Connection {
        Connection(
            client: Endpoint(address: client, port: ephemeralPort()), server: Endpoint(address: server, port: port),
            transport: .tcp, application: .smb, start: start, duration: retries == 0 ? 0 : Double(retries) * 3.0 + 0.0021,
            clientBytes: 0, serverBytes: 0, clientPackets: Int64(1 + retries), serverPackets: 0,
            outcome: .unanswered(retries: retries), sensors: sensors, ids: connectionIDs()
        )
    }
}
