/// The item shapes `CompiledExceptions` indexes: included `source.ip` / `destination.ip` matches.
enum IndexedExceptionShape {
    case destination([IPPrefix])
    case source([IPPrefix])
    case pair(sources: [IPPrefix], destinations: [IPPrefix])

    init?(_ entries: [ExceptionEntry]) {
        switch entries.count {
        case 1:
            if let prefixes = entries[0].includedPrefixes(on: .destinationIP) {
                self = .destination(prefixes)
            } else if let prefixes = entries[0].includedPrefixes(on: .sourceIP) {
                self = .source(prefixes)
            } else {
                return nil
            }
        case 2:
            for (first, second) in [(entries[0], entries[1]), (entries[1], entries[0])] {
                if let sources = first.includedPrefixes(on: .sourceIP),
                   let destinations = second.includedPrefixes(on: .destinationIP) {
                    self = .pair(sources: sources, destinations: destinations)
                    return
                }
            }
            return nil
        default:
            return nil
        }
    }
}
