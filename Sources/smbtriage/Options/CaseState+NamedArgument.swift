import ArgumentParser
import Console
import Store
import TriageModel

extension CaseState: NamedValue {
    public var names: [String] {
        switch self {
        case .new: ["new"]
        case .investigating: ["investigating", "investigate"]
        case .escalated: ["escalated", "escalate"]
        case .resolved: ["resolved", "resolve"]
        }
    }
}

extension CaseState: NamedArgument {
    public init?(argument: String) { self.init(name: argument) }
}
