import Detection
import Foundation
import Testing
@testable import Ingest

/// The path of a capture fixture under `Formats/Fixtures/captures`.
func capturePath(_ name: String) throws -> String {
    let directory = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return directory.appendingPathComponent("captures").appendingPathComponent(name).path
}

/// What the public ingest made of a capture: its summary and the SMB flows it delivered.
func ingestCapture(
    atPath path: String, options: IngestOptions = IngestOptions()
) throws -> (summary: FileSummary, events: [IngestedEvent]) {
    var events: [IngestedEvent] = []
    let summary = try LogIngestor(options: options).ingest(InputFile(path: path)) { events += $0 }
    return (summary, events)
}

/// Every flow of a capture, SMB or not, in the order they ended.
func allFlows(atPath path: String, settings: FlowSettings = FlowSettings()) throws -> [Flow] {
    let descriptor = open(path, O_RDONLY)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    let head = try FileDescriptorSource.readHead(descriptor: descriptor, count: 64 * 1024)
    let stream = try CaptureStream(
        descriptor: descriptor, raw: FileDescriptorSource(descriptor: descriptor, head: head), isGzip: GzipSource.isGzip(head)
    )
    let reader = try CaptureReader(file: stream.file)
    var flowReader = try #require(CaptureFlowReader(reader, settings: settings))
    var flows: [Flow] = []
    _ = try flowReader.read(emit: { flows.append($0) }, reject: { _, _ in false })
    reader.close()
    #expect(stream.finish() == nil)
    return flows
}

extension NetworkEvent {
    /// `address:port → address:port`, for comparing a flow's endpoints in one expectation.
    var endpoints: String {
        "\(sourceIPs.first.map(String.init(describing:)) ?? "-"):\(sourcePort ?? -1) → "
            + "\(destinationIPs.first.map(String.init(describing:)) ?? "-"):\(destinationPort ?? -1)"
    }
}
