import Detection
@testable import Ingest

extension LineReader {
    /// Reads one line of text with a fresh reader.
    static func outcome(of line: String, options: ReaderOptions = ReaderOptions()) -> LineOutcome {
        var reader = Self(options: options)
        let bytes = Array(line.utf8)
        return bytes.withLineBytes { reader.read(line: $0, number: 1) }
    }
}

extension LineOutcome {
    /// The event, or nil for any other outcome.
    var event: NetworkEvent? {
        if case .event(let event) = self { return event }
        return nil
    }

    /// The rejection reason, or nil for any other outcome.
    var rejection: String? {
        if case .rejected(let reason) = self { return reason }
        return nil
    }
}
