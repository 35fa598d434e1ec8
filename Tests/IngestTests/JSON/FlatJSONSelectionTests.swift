import Testing
@testable import Ingest

/// A selective parse must give every selected path exactly what a full parse gives, find no
/// other path, and reject exactly the texts a full parse rejects.
struct FlatJSONSelectionTests {
    static let selectedPaths = [
        "source.ip", "source.port", "destination.ip", "network_traffic.flow.id", "event.category",
        "_source.source.ip", "_source.destination.port", "abcdefgh", "abcdefgh.ijklmnop.q", "a..b", "tags",
    ]
    static let selection = FlatJSONSelection(selectedPaths)

    static func selectiveParse(_ text: String) throws(JSONSyntaxError) -> FlatJSONObject {
        var object = FlatJSONObject()
        var bytes = Array(text.utf8)
        var failure: JSONSyntaxError?
        bytes.withUnsafeMutableBufferPointer { buffer in
            do throws(JSONSyntaxError) {
                try object.reparse(UnsafeBufferPointer(buffer), selecting: selection)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return object
    }

    static let documents = [
        #"{"source":{"ip":"10.0.0.1","port":445,"bytes":12},"destination":{"ip":"52.0.0.1"}}"#,
        #"{"source.ip":"10.0.0.1","source.port":"445","destination.ip":["52.0.0.1","52.0.0.2"]}"#,
        #"{"source":{"ip":"10.0.0.1"},"source.ip":"10.0.0.2","source":{"port":1}}"#,
        #"{"network_traffic":{"flow":{"id":"abc","final":true}},"network_traffic.flow":{"id":"def"}}"#,
        #"{"network_traffic.flow.id":"x","event":{"category":["network","session"],"type":["end"]}}"#,
        #"{"_index":"i","_source":{"source":{"ip":"10.1.1.1"},"destination.port":139,"@timestamp":"t"}}"#,
        #"{"_source.source":{"ip":"10.2.2.2"},"_source":{"destination":{"port":"445"}}}"#,
        #"{"abcdefgh":1,"abcdefgh.ijklmnop":{"q":"deep"},"abcdefgh.ijklmnopX":{"q":"no"}}"#,
        #"{"a":{"":{"b":"empty segment"}},"":{"source":{"ip":"10.3.3.3"}}}"#,
        #"{"tags":[{"x":1},"t1",["t2",{"y":2}],null,"t3"],"source":{"ip":[{"nested":"no"},"10.4.4.4"]}}"#,
        #"{"source":{"ip":{"not":"a scalar"}},"event":{"category":"network_traffic"}}"#,
        #"{"sou\u0072ce":{"i\u0070":"10.5.5.5"},"x":"\ud83d\ude00 \"quoted\" \\ \n"}"#,
        #"{"skipped":{"a":[1,2,{"b":[true,false,null,{"c":"\u00e9"}]}],"d":-1.5e3},"source":{"port":1}}"#,
        #"{}"#,
        "  {\"source\" : { \"ip\" : \"10.6.6.6\" } }  ",
    ]

    @Test(arguments: documents)
    func selectedPathsMatchAFullParse(document: String) throws {
        let full = try flatJSON(document)
        let selective = try Self.selectiveParse(document)
        for path in Self.selectedPaths {
            let key = FlatJSONObject.Key(path)
            #expect(selective.values(key) == full.values(key), "\(path)")
            #expect(selective.values(Self.selection.key(path)) == full.values(key), "\(path) by its selection key")
        }
    }

    @Test func otherPathsAreNotRecorded() throws {
        let object = try Self.selectiveParse(#"{"source":{"ip":"10.0.0.1","bytes":12},"host":{"name":"h"}}"#)
        #expect(object.string("source.ip") == "10.0.0.1")
        #expect(!object.contains(FlatJSONObject.Key("source.bytes")))
        #expect(!object.contains(FlatJSONObject.Key("host.name")))
        #expect(object.paths.sorted() == ["source.ip"])
    }

    @Test func deepNestingInASkippedValueIsBounded() throws {
        let depth = FlatJSONParser.maximumDepth
        let shallow = #"{"skip":"# + String(repeating: "[", count: depth - 2) + String(repeating: "]", count: depth - 2)
            + #","source":{"ip":"10.0.0.1"}}"#
        #expect(try Self.selectiveParse(shallow).string("source.ip") == "10.0.0.1")
        let deep = #"{"skip":"# + String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1) + "}"
        #expect(throws: JSONSyntaxError.self) { try Self.selectiveParse(deep) }
    }

    static let malformed = [
        #"{"skip":"unterminated}"#,
        #"{"skip":"bad \q escape","source":{"ip":"10.0.0.1"}}"#,
        #"{"skip":"\ud800 lone surrogate"}"#,
        #"{"skip":[1,2,}"#,
        #"{"skip":{"a":1,"b"}}"#,
        #"{"skip":{"a":01}}"#,
        #"{"skip":tru}"#,
        #"{"skip":{"a":[{"b":nul}]}}"#,
        #"{"skip":1}x"#,
        #"{"skip":"a","source":{"ip":"1"},}"#,
        "{\"skip\":\"raw \u{01} control\"}",
    ]

    @Test(arguments: malformed)
    func malformedSkippedValuesAreRejectedLikeAFullParse(document: String) {
        var fullError: JSONSyntaxError?
        do { _ = try flatJSON(document) } catch { fullError = error }
        var selectiveError: JSONSyntaxError?
        do { _ = try Self.selectiveParse(document) } catch { selectiveError = error }
        #expect(fullError != nil)
        #expect(selectiveError == fullError)
    }

    @Test func invalidUTF8InASkippedValueIsRejected() {
        var bytes = Array(#"{"skip":"xx","source":{"ip":"10.0.0.1"}}"#.utf8)
        bytes[10] = 0xFF
        var object = FlatJSONObject()
        let rejected = bytes.withUnsafeBufferPointer { buffer in
            (try? object.reparse(buffer, selecting: Self.selection)) == nil
        }
        #expect(rejected)
        #expect(syntaxError(bytes) != nil)
    }

    @Test func aFailedParseLeavesNothingBehind() throws {
        var object = try Self.selectiveParse(#"{"source":{"ip":"10.0.0.1"}}"#)
        var bytes = Array(#"{"source":{"ip":"10.0.0.2"},"skip":[}"#.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            _ = try? object.reparse(UnsafeBufferPointer(buffer), selecting: Self.selection)
        }
        #expect(object.values("source.ip").isEmpty)
    }
}
