/// Where detection stands with one stored event (`event.detection`).
enum DetectionState: Int {
    /// Not yet looked at by an execution.
    case undecided = 0
    /// The rule's query does not match it.
    case noMatch = 1
    /// It matched but an active exception item suppressed it.
    case suppressed = 2
    /// It matched and has its alert.
    case alerted = 3
    /// It matched but an execution's cap was reached; a later execution alerts it.
    case pending = 4
}
