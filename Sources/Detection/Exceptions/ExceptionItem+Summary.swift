extension ExceptionItem {
    /// The item's conditions in one line, e.g. `source.ip is 10.1.2.3 and destination.ip is 8.8.8.0/24`.
    public var conditionSummary: String {
        entries.map(\.summary).joined(separator: " and ")
    }
}

extension ExceptionEntry {
    /// One condition in words: `destination.ip is 8.8.8.8`, `event.dataset is not one of a, b`.
    public var summary: String {
        let negated = `operator` == .excluded
        switch value {
        case .match(let value):
            return "\(field) \(negated ? "is not" : "is") \(value)"
        case .matchAny(let values):
            return "\(field) \(negated ? "is not one of" : "is one of") \(values.joined(separator: ", "))"
        }
    }
}
