import ArgumentParser
import Console
import Ingest
import Store
import TriageModel

/// An enumerated option value: typed as any of its `NamedValue` names (`--sort bytes-out`,
/// `--status ack`), listed in help and completions by its kebab-case name. (Each conformance
/// states `init?(argument:)`, which argument-parser also supplies for raw-value enums.)
protocol NamedArgument: ExpressibleByArgument, NamedValue {}

extension NamedArgument {
    public static var allValueStrings: [String] { allCases.map(\.name) }
    public var defaultValueDescription: String { name }
    /// The names for a help text: `open, acknowledged (ack), closed`.
    static var helpList: String {
        allCases.map { value in
            value.names.count > 1 ? "\(value.name) (\(value.names.dropFirst().joined(separator: ", ")))" : value.name
        }.joined(separator: ", ")
    }
}

extension HostSort: NamedArgument {
    public init?(argument: String) { self.init(name: argument) }
    /// None: the help text lists the names (argument-parser would pair raw values with them).
    public static var allValueDescriptions: [String: String] { [:] }
}

extension AlertStatus: NamedArgument {
    public init?(argument: String) { self.init(name: argument) }
}

extension LogFormat: NamedArgument {
    public var names: [String] { [rawValue] }
    public init?(argument: String) { self.init(name: argument) }
}
