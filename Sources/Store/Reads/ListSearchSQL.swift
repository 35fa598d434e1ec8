import Detection
import Foundation
import GRDB
import TriageModel

/// The SQL of a `/` search over a whole paged list: the list's rows numbered in its own order,
/// each with the text a search looks through (`searched`), built as TriageModel's `searchedText`
/// builds it for a loaded row; a row matches when `instr` finds the bound text in it, ignoring
/// ASCII case (no LIKE, so `%` and `_` are literal).
enum ListSearchSQL {
    /// The functions the searched texts call, registered on every store connection.
    static let functions = [addressFunction, endpointFunction, datasetFunction, sensorsFunction]

    /// `smbtriage_address(address)`: an address column (`IPAddress.storeBlob`) as the console writes it
    /// (`8.8.8.8`, `2001:db8::1`); a host's searched text (v16 keeps no text copy of its address).
    private static let addressFunction = DatabaseFunction("smbtriage_address", argumentCount: 1, pure: true) { values in
        Data.fromDatabaseValue(values[0]).flatMap(IPAddress.init(storeBlob:))?.description
    }

    /// `smbtriage_endpoint(address, port)`: `EndpointText.endpoint` of an address column
    /// (`IPAddress.storeBlob`) and a port column (`8.8.8.8:445`, `[2001:db8::1]:445`).
    private static let endpointFunction = DatabaseFunction("smbtriage_endpoint", argumentCount: 2, pure: true) { values in
        EndpointText.endpoint(Data.fromDatabaseValue(values[0]).flatMap(IPAddress.init(storeBlob:)),
                              Int.fromDatabaseValue(values[1]))
    }

    /// `smbtriage_dataset(fields)`: the `event.dataset` of an `event.fields` value (`EventFields`).
    private static let datasetFunction = DatabaseFunction("smbtriage_dataset", argumentCount: 1, pure: true) { values in
        event(fields: values[0]).dataset
    }

    /// `smbtriage_sensors(connection_id, sensors, fields)`: a connection row's
    /// `ConnectionAlerts.sensors` joined by spaces: its connection's (a `StringList`), or its
    /// record's `sensorName` (from its `event.fields`) when the record has no connection.
    private static let sensorsFunction = DatabaseFunction("smbtriage_sensors", argumentCount: 3, pure: true) { values in
        guard values[0].isNull else {
            return StringList.strings(String.fromDatabaseValue(values[1])).joined(separator: " ")
        }
        return event(fields: values[2]).sensorName
    }

    /// The event fields an `event.fields` value holds (none of its columns').
    private static func event(fields: DatabaseValue) -> NetworkEvent {
        var event = NetworkEvent()
        if let fields = Data.fromDatabaseValue(fields) { EventFields.decode(fields, seenAt: 0, into: &event) }
        return event
    }

    /// The positions, in order, of the rows of `numbered` (a SELECT of `position` and `searched`)
    /// whose text contains the statement's last argument.
    static func positions(_ numbered: String) -> String {
        """
        SELECT position FROM (\(numbered))
        WHERE instr(lower(searched), lower(?)) > 0
        ORDER BY position
        """
    }

    /// `StoredFlow.searchedText` of the event `e`.
    static let flowText = "smbtriage_endpoint(e.destination_ip, e.destination_port) || ' ' || coalesce(smbtriage_dataset(e.fields), '')"

    /// `ConnectionAlerts.searchedText` of the row `g` (first_id, size) whose status is `status`,
    /// its first alert `f`, that alert's event `e` and connection `c`.
    static func connectionText(status: String) -> String {
        """
        g.first_id || CASE WHEN g.size > 1 THEN '+' || (g.size - 1) ELSE '' END || ' ' || \(status)
            || ' ' || smbtriage_endpoint(e.destination_ip, e.destination_port)
            || ' ' || smbtriage_sensors(e.connection_id, c.sensors, e.fields)
            || ' ' || \(AlertReason.sql(alert: "f"))
        """
    }

    /// `ConnectionAlerts.status` of the connection row whose alerts `a` are grouped: the most open.
    static let groupedStatus = """
        CASE WHEN max(a.status = '\(AlertStatus.open.rawValue)') THEN '\(AlertStatus.open.rawValue)'
             WHEN max(a.status = '\(AlertStatus.acknowledged.rawValue)') THEN '\(AlertStatus.acknowledged.rawValue)'
             ELSE '\(AlertStatus.closed.rawValue)' END
        """

    /// `ConnectionAlerts.status` of the `connection_alert_group` row `g`: its own status, or for the
    /// row of all statuses, the most open one the connection has a row for.
    static let walkedStatus = """
        CASE WHEN g.status <> '\(ConnectionGroupSQL.anyStatus)' THEN g.status
             WHEN EXISTS (SELECT 1 FROM connection_alert_group s WHERE s.connection_key = g.connection_key
                          AND s.host IS g.host AND s.status = '\(AlertStatus.open.rawValue)') THEN '\(AlertStatus.open.rawValue)'
             WHEN EXISTS (SELECT 1 FROM connection_alert_group s WHERE s.connection_key = g.connection_key
                          AND s.host IS g.host AND s.status = '\(AlertStatus.acknowledged.rawValue)')
                 THEN '\(AlertStatus.acknowledged.rawValue)'
             ELSE '\(AlertStatus.closed.rawValue)' END
        """
}
