import ArgumentParser
import Console
import Store
import TriageModel

/// A verdict is typed as its words (`--verdict "true positive"`), its kebab-case name, a short
/// form (`tp`) or Kibana's closing reason (`true_positive`).
extension CaseVerdict: NamedValue {
    public var names: [String] {
        switch self {
        case .truePositive: ["true-positive", "tp"]
        case .benignTruePositive: ["benign-true-positive", "benign-positive", "btp"]
        case .falsePositive: ["false-positive", "fp"]
        case .duplicate: ["duplicate", "dup"]
        }
    }
}

extension CaseVerdict: NamedArgument {
    public init?(argument: String) { self.init(name: argument) }
    /// None: the help text lists the names (argument-parser would pair raw values with them).
    public static var allValueDescriptions: [String: String] { [:] }
}
