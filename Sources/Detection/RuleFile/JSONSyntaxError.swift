/// Why a file is not JSON, at a byte offset.
struct JSONSyntaxError: Error, Sendable {
    let offset: Int
    let reason: String
}
