import Detection
import Foundation

extension LogIngestor {
    /// Reads a packet capture into flows (`CaptureFlowReader`), delivering the SMB flows in
    /// batches and counting the rest: packets are the summary's lines, flows its network events,
    /// non-IP packets its skipped records, malformed packets its rejections (`file:packet N:
    /// reason`). A truncated or damaged capture keeps the flows read so far and says where it stopped.
    func ingestCapture(
        descriptor: Int32, raw: FileDescriptorSource, isGzip: Bool, summary: inout FileSummary,
        deliver: ([IngestedEvent]) throws -> Void
    ) throws {
        summary.format = .pcap
        let stream: CaptureStream
        let reader: CaptureReader
        do throws(SourceError) {
            stream = try CaptureStream(descriptor: descriptor, raw: raw, isGzip: isGzip)
            reader = try CaptureReader(file: stream.file)
        } catch {
            summary.fatalError = error.message
            return
        }
        defer {
            reader.close()
            if let failure = stream.finish() {
                summary.fatalError = "\(failure.message) (after packet \(summary.lines))"
            }
        }
        summary.capture = CaptureSummary(linkType: reader.dataLinkName, flowTableCapacity: options.flows.capacity)
        guard var flows = CaptureFlowReader(reader, settings: options.flows) else {
            summary.fatalError = "link type \(LogText.quoted(reader.dataLinkName)) is not one smbtriage decodes "
                + "(Ethernet, Linux cooked v1/v2, raw IP, loopback)"
            return
        }
        var batch: [IngestedEvent] = []
        let path = summary.path
        var issues: [IngestIssue] = []
        var smbFlows = 0
        let stop = try flows.read(emit: { flow in
            guard flow.isSMB else { return }
            smbFlows += 1
            batch.append(flow.ingested(path: path))
            if batch.count >= Self.batchSize {
                try deliver(batch)
                batch = []
            }
        }, reject: { packet, reason in
            if issues.count < options.maxIssues {
                issues.append(IngestIssue(path: path, line: packet, reason: reason, isPacket: true))
            }
            return options.strict
        })
        if !batch.isEmpty { try deliver(batch) }
        let tally = flows.tally
        summary.lines = tally.packets
        summary.events = tally.flows
        summary.skipped = tally.notIP
        summary.smbEvents = smbFlows
        summary.rejected = tally.malformed
        summary.issues = issues
        summary.capture?.fragments = tally.fragments
        summary.capture?.evictedFlows = tally.evictedFlows
        switch stop {
        case .strict(let packet, let reason)?:
            summary.fatalError = "stopped at packet \(packet) (strict mode): \(reason)"
        case .damaged(let packet, let message)?:
            summary.fatalError = "the capture stops after packet \(packet): \(message)"
        case nil:
            break
        }
    }
}
