import Foundation

/// The active exception items compiled for matching, with Elastic's semantics: an item matches
/// when all its entries do, and an event is suppressed when any item matches.
///
/// The common shapes are indexed instead of scanned: items that are one `destination.ip` or one
/// `source.ip` entry become prefix lookups, `source.ip` + `destination.ip` pairs a lookup keyed by
/// source (single IPv4 addresses among them hashed, `SingleAddressIndex`); every other item is
/// evaluated as a predicate. `firstMatch` still reports the first
/// matching item in list order.
public struct CompiledExceptions: Sendable {
    /// The ids of the active items, in list order; item numbers index this array.
    private let itemIDs: [String]
    private let destinationIndex: ExceptionPrefixIndex
    private let sourceIndex: ExceptionPrefixIndex
    private let pairIndex: ExceptionPairIndex
    /// Items of other shapes, ascending by item number.
    private let otherItems: [(item: Int, program: PredicateProgram)]

    /// Compiles the items active at `date`; expired items are left out.
    public init(_ items: [ExceptionItem], activeAt date: Date) throws(ExceptionCompileError) {
        var itemIDs: [String] = []
        var destinations: [(prefix: IPPrefix, item: Int)] = []
        var sources: [(prefix: IPPrefix, item: Int)] = []
        var pairs: [(sources: [IPPrefix], destinations: [IPPrefix], item: Int)] = []
        var otherItems: [(item: Int, program: PredicateProgram)] = []
        for item in items where item.isActive(at: date) {
            let predicates = try item.entries.map { entry throws(ExceptionCompileError) in
                try entry.predicate(itemID: item.id)
            }
            let number = itemIDs.count
            itemIDs.append(item.id)
            switch IndexedExceptionShape(item.entries) {
            case .destination(let prefixes): destinations += prefixes.map { ($0, number) }
            case .source(let prefixes): sources += prefixes.map { ($0, number) }
            case .pair(let sourcePrefixes, let destinationPrefixes):
                pairs.append((sourcePrefixes, destinationPrefixes, number))
            case nil: otherItems.append((number, PredicateProgram(.all(predicates))))
            }
        }
        self.itemIDs = itemIDs
        self.destinationIndex = ExceptionPrefixIndex(destinations)
        self.sourceIndex = ExceptionPrefixIndex(sources)
        self.pairIndex = ExceptionPairIndex(pairs)
        self.otherItems = otherItems
    }

    private init() {
        itemIDs = []
        destinationIndex = ExceptionPrefixIndex([])
        sourceIndex = ExceptionPrefixIndex([])
        pairIndex = ExceptionPairIndex([])
        otherItems = []
    }

    /// No exceptions: nothing is suppressed.
    public static let none = CompiledExceptions()

    /// How many items are active (compiled).
    public var activeCount: Int { itemIDs.count }

    /// The id of the first active item (in list order) that matches `event`, or nil.
    public func firstMatch(_ event: NetworkEvent) -> String? {
        withUnsafePointer(to: event) { firstMatch($0) }
    }

    /// The id of the first active item that matches the event at `event` (read in place).
    @inline(__always)
    func firstMatch(_ event: UnsafePointer<NetworkEvent>) -> String? {
        firstMatchingItem(event).map { itemIDs[$0] }
    }

    /// The number of the first matching item, or nil.
    private func firstMatchingItem(_ event: UnsafePointer<NetworkEvent>) -> Int? {
        if itemIDs.isEmpty { return nil }
        var lowest = Int.max
        func consider(_ item: Int?) {
            if let item, item < lowest { lowest = item }
        }
        let sources = event.pointee.sourceIPs
        let destinations = event.pointee.destinationIPs
        if !destinationIndex.isEmpty {
            for destination in destinations { consider(destinationIndex.lowestItem(containing: destination)) }
        }
        if !sourceIndex.isEmpty {
            for source in sources { consider(sourceIndex.lowestItem(containing: source)) }
        }
        if !pairIndex.isEmpty {
            for source in sources {
                for destination in destinations { consider(pairIndex.lowestItem(source: source, destination: destination)) }
            }
        }
        for other in otherItems {
            if other.item >= lowest { break }
            if other.program.matches(event) {
                lowest = other.item
                break
            }
        }
        return lowest == .max ? nil : lowest
    }
}
