/// A field value that makes a record unusable; `reason` is the sentence a reader puts in
/// `LineOutcome.rejected`.
public struct FieldRejection: Error, Equatable, Sendable {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    /// `<field> "<value>" is not <expectation>`, the value quoted safely.
    public static func invalid(
        _ field: String, _ value: LineBytes, expected: String
    ) -> FieldRejection {
        FieldRejection("\(field) \(LogText.quoted(value)) is not \(expected)")
    }
}
