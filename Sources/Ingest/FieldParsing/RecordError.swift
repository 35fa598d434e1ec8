/// Why a record is rejected: one sentence naming the format, the field and the quoted value.
struct RecordError: Error {
    var reason: String

    /// `<format> <field> "<value>" is not <expectation>`, the value made printable.
    static func invalid(_ format: String, _ field: String, _ value: String, expected expectation: String) -> RecordError {
        RecordError(reason: "\(format) \(field) \(PrintableText.quoted(value)) is not \(expectation)")
    }
}
