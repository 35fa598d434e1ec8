/// The line above the key hints: the outcome of the last action or an error.
struct StatusMessage: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case info, success, warning, error }

    var text: String
    var kind: Kind

    static func info(_ text: String) -> StatusMessage { StatusMessage(text: text, kind: .info) }
    static func success(_ text: String) -> StatusMessage { StatusMessage(text: text, kind: .success) }
    static func warning(_ text: String) -> StatusMessage { StatusMessage(text: text, kind: .warning) }
    static func error(_ text: String) -> StatusMessage { StatusMessage(text: text, kind: .error) }
}
