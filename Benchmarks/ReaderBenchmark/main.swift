import Foundation
import Ingest

// reader-benchmark [lines]: the PAN-OS and Suricata readers' throughput on one core. Generates
// deterministic lines in memory (default 500,000 per format: PAN-OS TRAFFIC rows with a THREAT row
// in 25; Suricata flow, alert, dns, http and tls events), one in 20 to TCP 445, and times the
// pipeline's path (`readKeepingSMB`) over them. Figures are best of three, in CPU seconds of the
// reading thread (they hold on a machine shared with other work).

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 500_000 : 500_000

func panosLine(_ index: Int) -> String {
    let host = "10.\(index / 65_536 % 256).\(index / 256 % 256).\(index % 256)"
    let port = index % 20 == 0 ? 445 : 443
    let type = index % 25 == 0 ? "THREAT,vulnerability" : "TRAFFIC,end"
    return "<14>Feb 20 14:03:11 PA-3220 1,2024/02/20 14:03:11,013201001234,\(type),2561,2024/02/20 14:03:10,"
        + "\(host),52.85.\(index % 200).\(index % 250),0.0.0.0,0.0.0.0,\"allow, out\",corp\\user\(index % 97),,ssl,vsys1,"
        + "trust,untrust,ethernet1/2,ethernet1/1,default,2024/02/20 14:03:11,\(index),1,\(49_152 + index % 16_000),"
        + "\(port),0,0,0x400019,tcp,allow,\(5000 + index % 900),2000,3000,40,2024/02/20 14:02:00,94,any,0,7210394,"
        + "0x8000000000000000,10.0.0.0-10.255.255.255,United States,0,22,18,tcp-fin,0,0,0,0,,PA-3220,from-policy,,,0,,0,,N/A,0,0,0,0"
}

func suricataLine(_ index: Int) -> String {
    let port = index % 20 == 0 ? 445 : [53, 80, 443][index % 3]
    let type = index % 20 == 0 ? (index % 40 == 0 ? "alert" : "flow") : ["dns", "http", "tls"][index % 3]
    let alert = type == "alert"
        ? #","alert":{"action":"allowed","gid":1,"signature_id":2025649,"rev":2,"signature":"ET POLICY SMB2 NT Create AndX Request For an Executable File","category":"Potential Corporate Privacy Violation","severity":1}"#
        : ""
    return #"{"timestamp":"2024-02-20T14:03:10.517903+0000","flow_id":\#(1_131_367_416_214_758 + index),"in_iface":"ens3","#
        + #""event_type":"\#(type)","src_ip":"10.4.\#(index / 256 % 256).\#(index % 256)","src_port":\#(49_152 + index % 16_000),"#
        + #""dest_ip":"52.85.\#(index % 200).21","dest_port":\#(port),"proto":"TCP","app_proto":"\#(port == 445 ? "smb" : "failed")""# + alert
        + #","flow":{"pkts_toserver":9,"pkts_toclient":7,"bytes_toserver":1502,"bytes_toclient":1130,"#
        + #""start":"2024-02-20T14:03:09.981234+0000","end":"2024-02-20T14:03:42.104567+0000","state":"closed"}}"#
}

func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Best-of-three CPU seconds of `Reader.readKeepingSMB` over `lines`, and the SMB events kept.
func measure<Reader: LineReader>(_: Reader.Type, _ lines: [[UInt8]]) -> (seconds: Double, kept: Int) {
    var best = Double.infinity
    var kept = 0
    for _ in 0..<3 {
        var reader = Reader(options: ReaderOptions())
        kept = 0
        let start = threadCPUSeconds()
        for (number, line) in lines.enumerated() {
            let outcome = line.withLineBytes { reader.readKeepingSMB(line: $0, number: number + 1) }
            if case .event? = outcome { kept += 1 }
        }
        best = min(best, threadCPUSeconds() - start)
    }
    return (best, kept)
}

for (name, lines, run) in [
    ("panos", (0..<count).map { Array(panosLine($0).utf8) }, { measure(PANOSReader.self, $0) }),
    ("suricata", (0..<count).map { Array(suricataLine($0).utf8) }, { measure(SuricataReader.self, $0) }),
] as [(String, [[UInt8]], ([[UInt8]]) -> (seconds: Double, kept: Int))] {
    let bytes = lines.reduce(0) { $0 + $1.count + 1 }
    let (seconds, kept) = run(lines)
    print("\(name): " + String(format: "%d lines (%.0f MB), %d SMB kept: %.3f s CPU, %.0f k lines/s, %.0f MB/s",
                                lines.count, Double(bytes) / 1e6, kept, seconds, Double(lines.count) / seconds / 1e3,
                 Double(bytes) / seconds / 1e6))
}
