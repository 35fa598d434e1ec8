import Detection
import FuzzSupport

// Every input as a Kibana exception-list NDJSON import; what it yields is exported and read again.
FuzzDriver.run { bytes in
    if let items = try? KibanaExceptionList.parse(FuzzText.string(bytes)) {
        _ = try? KibanaExceptionList.parse(KibanaExceptionList.export(items, listID: "fuzz", now: .distantPast))
    }
}
