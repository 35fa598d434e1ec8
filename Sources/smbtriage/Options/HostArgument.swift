import ArgumentParser
import Detection
import Store

/// A host on the command line: its address, or a hostname the store knows.
struct HostArgument: ExpressibleByArgument {
    let text: String

    init(argument: String) {
        text = argument
    }

    /// The address `text` names: itself when it is an address, else the one host the store
    /// knows by that hostname.
    /// - Throws: a usage error when no host or several hosts have that name (the latter listed).
    func address(in store: SMBStore) throws -> IPAddress {
        if let address = try? IPAddress(parsing: text) { return address }
        let matches = try store.hostAddresses(named: text)
        switch matches.count {
        case 1:
            return matches[0]
        case 0:
            throw UsageFailure("'\(text)' is neither an IP address nor the hostname of a host in the store.")
        default:
            let candidates = matches.map { "\($0)" }.joined(separator: ", ")
            throw UsageFailure("the hostname '\(text)' names \(matches.count) hosts (\(candidates)); give the address of one.")
        }
    }
}
