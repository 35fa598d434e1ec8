/// A yes/no question before an effect runs.
struct Confirmation: Hashable, Sendable {
    var title: String
    var lines: [String]
    /// What runs on yes.
    var effects: [Effect]
    /// The form the question came from, reopened as it was on no.
    var form: Form?
}
