import Detection
import TriageModel

/// A row with a stable identity, so a reloaded list can keep its selection on the same row.
protocol ListRow: Hashable, Sendable {
    associatedtype RowID: Hashable & Sendable
    var rowID: RowID { get }
}

extension HostSummary: ListRow {
    var rowID: IPAddress { address }
}

extension ConnectionAlerts: ListRow {
    var rowID: Int64 { id }
}

extension StoredFlow: ListRow {
    var rowID: Int64 { id }
}
