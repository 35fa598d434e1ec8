import Detection
import Foundation
import TriageModel

/// Runs effects against the repository and turns their results into messages.
struct EffectRunner: Sendable {
    let repository: any TriageRepository
    let actor: String

    /// Alerts fetched per query when acting on all of a host's alerts.
    private static let bulkPage = 1000

    func run(_ effect: Effect) -> Msg {
        do {
            return try perform(effect)
        } catch {
            return .failed(context: Self.context(of: effect), error: "\(error)")
        }
    }

    private func perform(_ effect: Effect) throws -> Msg {
        switch effect {
        case .loadHosts(let filter, let sort, let reversed, let offset, let limit):
            return .hostsLoaded(offset: offset, try repository.hosts(filter: filter, sort: sort, reversed: reversed,
                                                                     offset: offset, limit: limit))
        case .loadActivity(let hosts):
            var activity: [IPAddress: [Int]] = [:]
            for host in hosts {
                activity[host] = try repository.hostActivity(host, bucket: HostsState.activityBucket,
                                                           buckets: HostsState.activityBuckets)
            }
            return .activityLoaded(activity)
        case .findInList(let list, let query):
            return .listMatchesFound(list, query: query, try positions(in: list, matching: query))
        case .findHost(let text, let screen):
            let addresses = try IPAddress(text).map { [$0] } ?? repository.hostAddresses(named: text)
            return .hostsFound(text, opening: screen, try addresses.compactMap(repository.host))
        case .loadDestinations(let host):
            return .destinationsLoaded(host, try repository.destinations(of: host))
        case .loadHostCase(let host):
            return .hostCaseLoaded(host, try repository.hostCase(host))
        case .loadConnections(let query, let reversed, let offset, let limit):
            return .connectionsLoaded(query, reversed: reversed, offset: offset,
                                      try repository.connectionAlerts(query, reversed: reversed, offset: offset, limit: limit))
        case .loadAlert(let id):
            guard let record = try repository.alert(id: id) else { return .alertLoaded(id: id, nil, notes: [], connection: [:]) }
            return .alertLoaded(id: id, record, notes: try repository.notes(alertID: id),
                                connection: try repository.alertStatuses(sharingConnectionWith: [id]))
        case .loadHistory(let host, let reversed, let offset, let limit):
            return .historyLoaded(host, offset: offset, try repository.history(of: host, reversed: reversed, offset: offset,
                                                                               limit: limit))
        case .loadTimeline(let host, let bucket, let count):
            return .timelineLoaded(host, bucket, try repository.timeline(of: host, bucket: bucket, last: count))
        case .loadExceptions:
            return .exceptionsLoaded(try repository.exceptions())
        case .countOpenAlerts(let scope):
            return .openAlertsCounted(scope, try repository.openAlertCount(in: scope))
        case .loadExecutions(let limit):
            return .executionsLoaded(try repository.executions(limit: limit))
        case .loadAudit(let limit):
            return .auditLoaded(try repository.audit(limit: limit))
        case .pollChangeToken(let reload):
            return .changeTokenRead(try repository.changeToken(), reload: reload)
        case .setStatus(let targets, let reason):
            // The alerts the console counted (a row's, a connection's), never more; the store decides
            // from their statuses when it writes.
            let change = try repository.setStatus(targets.change.status, named: targets.named.sorted(), comingAlong: targets.comingAlong,
                                                  reason: reason, actor: actor)
            return .statusSet(change, targets: targets)
        case .setHostStatus(let host, let status, let reason):
            // Forward only: an alert another writer closed since it was read stays closed.
            let change = try repository.setStatus(status, named: [], comingAlong: try openAlertIDs(of: host), reason: reason, actor: actor)
            return .statusSet(change, targets: nil)
        case .addNote(let alertID, let text):
            return .noteAdded(try repository.addNote(alertID: alertID, text: text, actor: actor))
        case .setGuideStep(let alertID, let step, let checked):
            try repository.setGuideStep(alertID: alertID, step: step, checked: checked, actor: actor)
            return .guideStepSet(alertID: alertID, step: step, checked: checked)
        case .setCaseState(let host, let caseState, let verdict, let reason):
            return .caseStateSet(host, try repository.setCaseState(of: host, to: caseState, verdict: verdict, reason: reason, actor: actor))
        case .addCaseNote(let host, let text):
            return .caseNoteAdded(try repository.addCaseNote(to: host, text: text, actor: actor))
        case .addException(let scope, let comment, let createdAt, let expiresAt, let closeMatching):
            let item = ExceptionItem(scope: scope, comment: comment, author: actor, createdAt: createdAt, expiresAt: expiresAt)
            return .exceptionAdded(try repository.addException(item, closeMatching: closeMatching, actor: actor))
        case .updateException(let item):
            try repository.updateException(item, actor: actor)
            return .exceptionUpdated(item)
        case .removeException(let id):
            try repository.removeException(id: id, actor: actor)
            return .exceptionRemoved(id: id)
        }
    }

    /// Where the rows of `list` whose text contains `query` sit in the whole list.
    private func positions(in list: SearchedList, matching query: String) throws -> [Int] {
        switch list {
        case .hosts(let filter, let sort, let reversed):
            try repository.hostPositions(matching: query, filter: filter, sort: sort, reversed: reversed)
        case .history(let host, let reversed):
            try repository.historyPositions(of: host, matching: query, reversed: reversed)
        case .connections(let alertQuery, let reversed):
            try repository.connectionPositions(alertQuery, matching: query, reversed: reversed)
        }
    }

    /// Every open alert of `host`, fetched page by page.
    private func openAlertIDs(of host: IPAddress) throws -> [Int64] {
        let query = AlertQuery(status: .open, host: host)
        var ids: [Int64] = []
        while true {
            let page = try repository.alerts(query, offset: ids.count, limit: Self.bulkPage)
            ids += page.rows.map(\.id)
            if page.rows.isEmpty || ids.count >= page.total { return ids }
        }
    }

    private static func context(of effect: Effect) -> String {
        switch effect {
        case .loadHosts, .loadActivity: "loading hosts"
        case .findInList: "searching the list"
        case .findHost: "finding the host"
        case .loadDestinations, .loadConnections, .loadHostCase: "loading the host"
        case .loadAlert: "loading the alert"
        case .loadHistory, .loadTimeline: "loading the history"
        case .loadExceptions: "loading exceptions"
        case .countOpenAlerts: "counting the alerts the exception matches"
        case .loadExecutions: "loading executions"
        case .loadAudit: "loading the audit log"
        case .pollChangeToken: "checking for changes"
        case .setStatus, .setHostStatus: "changing alert status"
        case .addNote: "adding the note"
        case .setGuideStep: "saving the guide step"
        case .setCaseState: "changing the case"
        case .addCaseNote: "adding the case note"
        case .addException: "adding the exception"
        case .updateException: "updating the exception"
        case .removeException: "removing the exception"
        }
    }
}
