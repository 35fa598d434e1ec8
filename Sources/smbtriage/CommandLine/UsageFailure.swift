/// A usage error found after parsing (an argument that names nothing in the store): printed as
/// one sentence without the usage text, exit status 2.
protocol UsageProblem: Error, CustomStringConvertible {}

/// A usage error in one sentence.
struct UsageFailure: UsageProblem {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
