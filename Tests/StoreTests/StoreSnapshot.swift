import Detection
import Foundation
@testable import Store
import TriageModel

/// Everything a reader of the store sees of one host, to compare before and after an upgrade:
/// every alert with its flow, the host's history, the first alert's notes, the host's case, the
/// exceptions and the host count.
struct StoreSnapshot: Equatable {
    var alerts: [AlertRecord]
    var history: [StoredFlow]
    var notes: [AlertNote]
    var hostCase: HostCase?
    var exceptions: [ExceptionRecord]
    var hosts: Int

    init(_ store: SMBStore, host: IPAddress) throws {
        alerts = try store.alerts(AlertQuery(), offset: 0, limit: 100_000).rows
        history = try store.history(of: host, offset: 0, limit: 100_000).rows
        notes = try alerts.first.map { try store.notes(alertID: $0.id) } ?? []
        hostCase = try store.hostCase(host)
        exceptions = try store.exceptions()
        hosts = try store.statistics().hosts
    }

    /// Runs the rule on `store` and triages what it alerted, the way an upgrade test's store is
    /// made: two alerts acknowledged, a note, the host's case investigated, an exception.
    static func triage(_ store: SMBStore, host: IPAddress) throws {
        _ = try store.detectUntilNothingPending(at: baseTime)
        let alerts = try store.alerts(AlertQuery(), offset: 0, limit: 2).rows
        _ = try store.setStatus(.acknowledged, alertIDs: alerts.map(\.id), reason: nil, actor: "ana")
        _ = try store.addNote(alertID: alerts[0].id, text: "asked the owner", actor: "ana")
        try store.setCaseState(of: host, to: .investigating, verdict: nil, reason: nil, actor: "ana")
        _ = try store.addException(
            ExceptionItem(id: "backup", name: "backup", comment: "Azure Files", author: "ana", createdAt: baseTime,
                          entries: [ExceptionEntry(field: "destination.ip", value: .match("8.8.8.8"))]),
            closeMatching: false, actor: "ana")
    }
}
