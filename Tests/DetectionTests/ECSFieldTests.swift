import Testing
@testable import Detection

/// Every field a query may name reads the `NetworkEvent` property it stands for: the test keeps
/// its own table of properties and checks each field matches its value and no other field's.
@Suite struct ECSFieldTests {
    private static var keywordProperties: [(String, WritableKeyPath<NetworkEvent, String?>)] { [
        ("event.dataset", \.dataset), ("event.module", \.module), ("event.action", \.action),
        ("event.outcome", \.outcome), ("event.code", \.code), ("network.transport", \.transport),
        ("network.protocol", \.applicationProtocol), ("network.direction", \.direction),
        ("network.community_id", \.communityID), ("flow.id", \.flowID), ("host.name", \.observerHostName),
        ("source.domain", \.sourceDomain), ("destination.domain", \.destinationDomain),
        ("process.executable", \.processExecutable), ("user.name", \.userName), ("user.domain", \.userDomain),
    ] }

    private func matches(_ query: String, _ event: NetworkEvent) throws -> Bool {
        PredicateProgram(try KQLCompiler.predicate(forQuery: query)).matches(event)
    }

    @Test func everySingleKeywordFieldReadsItsOwnProperty() throws {
        for (name, property) in Self.keywordProperties {
            var event = NetworkEvent()
            event[keyPath: property] = "value-of-\(name)"
            for (otherName, _) in Self.keywordProperties {
                #expect(try matches(#"\#(otherName): "value-of-\#(name)""#, event) == (otherName == name), "\(otherName) on \(name)")
            }
            #expect(try matches("\(name): *", event))
            #expect(try !matches("\(name): *", NetworkEvent()))
        }
    }

    @Test func keywordArrayFieldsMatchAnyElement() throws {
        let event = NetworkEvent(categories: ["network", "file"], types: ["connection", "start"])
        #expect(try matches("event.category: file and event.type: start", event))
        #expect(try !matches("event.category: start", event))
        #expect(try !matches("event.type: *", NetworkEvent()))
    }

    @Test func numberFieldsReadTheirOwnProperties() throws {
        let event = NetworkEvent(sourcePort: 1, sourceBytes: 2, sourcePackets: 3, destinationPort: 4,
                                 destinationBytes: 5, destinationPackets: 6, processID: 7)
        let fields = ["source.port", "source.bytes", "source.packets", "destination.port", "destination.bytes",
                      "destination.packets", "process.pid"]
        for (offset, name) in fields.enumerated() {
            #expect(try matches("\(name): \(offset + 1)", event), "\(name)")
            #expect(try !matches("\(name): \(offset + 2)", event), "\(name)")
        }
    }

    @Test func addressFieldsReadTheirOwnProperties() throws {
        let event = NetworkEvent(sourceIPs: [EventFixtures.address("10.0.0.1")],
                                 destinationIPs: [EventFixtures.address("8.8.8.8")])
        #expect(try matches("source.ip: 10.0.0.0/8 and destination.ip: 8.8.8.8", event))
        #expect(try !matches("source.ip: 8.8.8.8 or destination.ip: 10.0.0.1", event))
    }

    @Test func fieldTypesMatchTheirStorage() {
        for field in ECSField.allCases {
            let storage = field.location.storage
            switch field.type {
            case .ip: #expect(storage == .addresses, "\(field)")
            case .long: #expect(storage == .integer || storage == .integer64, "\(field)")
            case .keyword: #expect(storage == .keyword || storage == .keywords, "\(field)")
            }
        }
        #expect(ECSField(name: "destination.address") == nil)
    }

    @Test func wildcardPatternsOnKeywords() throws {
        let event = NetworkEvent(dataset: "zeek.smb_files")
        for (pattern, expected) in [("zeek.smb*", true), ("*smb*", true), ("zeek.*_files", true), ("*files", true),
                                    ("zeek.smb_files*", true), ("zeek*smb*files", true), ("*cmd*", false),
                                    ("Zeek.*", false), ("zeek.smb_files?*", false)] {
            #expect(try matches("event.dataset: \(pattern)", event) == expected, "\(pattern)")
        }
        #expect(try matches(#"event.dataset: "zeek.smb*""#, NetworkEvent(dataset: "zeek.smb*")))
        #expect(try !matches(#"event.dataset: "zeek.smb*""#, event))
    }
}
