import Foundation
import Testing

/// A process killed mid-ingest (kill -9) and rerun ends where an uninterrupted run ends.
@Suite struct InterruptedIngestTests {
    @Test(arguments: [150, 400, 900])
    func killedAndRerunEqualsUninterrupted(afterMilliseconds delay: Int) throws {
        let flows = (0..<30_000).map { serial in
            serial.isMultiple(of: 2)
                ? ECSFixture.flow(source: "10.3.\(serial % 250).\(serial % 200 + 1)",
                                  destination: "45.\(serial % 200 + 1).\(serial / 200 % 250).9", serial: serial)
                : ECSFixture.flow(source: "10.3.0.1", destination: "10.10.0.5", serial: serial)
        }
        let interrupted = try CLIHarness()
        let file = try interrupted.write("big.ndjson", ECSFixture.lines(flows))

        let (process, _, _) = try interrupted.launch(["ingest", file], discardOutput: true)
        Thread.sleep(forTimeInterval: Double(delay) / 1000)
        CLIHarness.kill(process)
        let rerun = try interrupted.run(["ingest", file])
        #expect(rerun.status == 0, "\(rerun.errors)")

        let uninterrupted = try CLIHarness()
        #expect(try uninterrupted.run(["ingest", file]).status == 0)

        func alertedEvents(_ cli: CLIHarness) throws -> [String] {
            try cli.run(["alerts", "--json", "--limit", "100000"]).jsonLines.map {
                "\($0["log.file.line"] ?? "")|\($0["source.ip"] ?? "")|\($0["destination.ip"] ?? "")"
            }.sorted()
        }
        let expected = try alertedEvents(uninterrupted)
        #expect(expected.count == 15_000)
        #expect(try alertedEvents(interrupted) == expected)
        func history(_ cli: CLIHarness) throws -> Int {
            try cli.run(["history", "10.3.0.1", "--json"]).jsonLines.count
        }
        #expect(try history(interrupted) == history(uninterrupted))
    }
}
