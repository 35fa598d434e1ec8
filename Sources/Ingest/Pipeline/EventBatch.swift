import Detection

/// The SMB events of consecutive chunk results, gathered into one batch for `deliver`. The events
/// are moved into the batch (`Array(movingElementsOf:)`), not appended: appending one array to
/// another copies every event, whose strings and arrays are retained and then released with the
/// source (2.5% of reading the generated ECS file, `perf`).
struct EventBatch {
    private var parts: [[IngestedEvent]] = []
    /// How many events the batch holds.
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Takes `events` (leaving it empty) after the events already gathered.
    mutating func add(_ events: inout [IngestedEvent]) {
        guard !events.isEmpty else { return }
        count += events.count
        parts.append(events)
        events = []
    }

    /// Every gathered event in order, as one array; the batch is empty afterwards.
    mutating func take() -> [IngestedEvent] {
        count = 0
        return parts.count == 1 ? parts.removeLast() : Array(movingElementsOf: &parts)
    }
}
