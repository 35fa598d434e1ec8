/// Why a Zeek value could not be decoded: names the field and quotes the value.
struct ZeekFieldError: Error {
    var field: ZeekField
    var value: String
    var expectation: String

    var reason: String { "\(field.name) \(PrintableText.quoted(value)) is not \(expectation)" }
}
