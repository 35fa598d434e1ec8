import Testing
@testable import Ingest

/// Parses `text` (UTF-8) as a flat JSON object.
func flatJSON(_ text: String) throws(JSONSyntaxError) -> FlatJSONObject {
    try flatJSON(bytes: Array(text.utf8))
}

func flatJSON(bytes: [UInt8]) throws(JSONSyntaxError) -> FlatJSONObject {
    var result: Result<FlatJSONObject, JSONSyntaxError> = .failure(JSONSyntaxError(offset: -1, reason: ""))
    bytes.withLineBytes { buffer in
        do throws(JSONSyntaxError) {
            result = .success(try FlatJSONObject(parsing: buffer))
        } catch {
            result = .failure(error)
        }
    }
    return try result.get()
}

/// The error parsing `bytes` throws, or nil when it parses.
func syntaxError(_ bytes: [UInt8]) -> JSONSyntaxError? {
    do {
        _ = try flatJSON(bytes: bytes)
        return nil
    } catch {
        return error
    }
}

/// A malformed text and the error it must give.
struct SyntaxCase: Sendable, CustomTestStringConvertible {
    var text: String
    var offset: Int
    var reason: String
    var testDescription: String { text }

    static let all: [SyntaxCase] = [
        (#"{"a":1"#, 6, "unterminated object"),
        (#"{"a" 1}"#, 5, "expected ':' after the key"),
        (#"{"a":01}"#, 6, "expected ',' or '}'"),
        (#"{"a":-}"#, 5, "invalid number"),
        (#"{"a":1.}"#, 7, "invalid number: digits expected after '.'"),
        (#"{"a":tru}"#, 5, "invalid literal, expected true"),
        (#"{"a":"x\q"}"#, 7, "invalid escape"),
        (#"{"a":"\uD800x"}"#, 6, #"unpaired surrogate \uD800"#),
        (#"{"a":"\uDC00"}"#, 6, #"unpaired surrogate \uDC00"#),
        (#"{"a":"\u12G4"}"#, 6, #"invalid hex digit in \u escape"#),
        (#"{"a":"abc}"#, 5, "unterminated string"),
        (#"[1,2]"#, 0, "expected a JSON object"),
        (#""#, 0, "empty input, expected a JSON object"),
        (#"{"a":1} x"#, 8, "unexpected text after the object"),
        (#"{a:1}"#, 1, "expected a string key"),
        (#"{"a":[1,}"#, 8, "expected a value"),
    ].map { SyntaxCase(text: $0.0, offset: $0.1, reason: $0.2) }
}

@Suite struct FlatJSONObjectTests {
    @Test func nestedDottedAndMixedKeysResolveToOnePath() throws {
        let nested = try flatJSON(#"{"source":{"ip":"10.0.0.1","port":445}}"#)
        let dotted = try flatJSON(#"{"source.ip":"10.0.0.1","source.port":445}"#)
        let mixed = try flatJSON(#"{"a":{"b.c":{"d":1}},"a.b":{"c.d":2}}"#)
        #expect(nested.strings("source.ip") == ["10.0.0.1"])
        #expect(dotted.strings("source.ip") == ["10.0.0.1"])
        #expect(nested.integer("source.port") == 445)
        #expect(dotted.integer("source.port") == 445)
        #expect(mixed.strings("a.b.c.d") == ["1", "2"])
        #expect(Set(mixed.paths) == ["a.b.c.d"])
    }

    @Test func scalarsKeepTheirTextAndKind() throws {
        let object = try flatJSON(#"{"s":"x","n":-1.5e3,"t":true,"f":false,"z":null}"#)
        #expect(object.values("s") == [.init(text: "x", isString: true)])
        #expect(object.values("n") == [.init(text: "-1.5e3", isString: false)])
        #expect(object.bool("t") == true)
        #expect(object.bool("f") == false)
        #expect(object.values("z").isEmpty)
        #expect(!object.contains(.init("z")))
        #expect(object.integer("n") == -1500)
    }

    @Test func arraysContributeEachElementAndObjectsUnderThePrefix() throws {
        let object = try flatJSON(#"{"ip":["1.1.1.1","2.2.2.2"],"hits":[{"a":1},{"a":2,"b":[3,[4]]}],"e":[]}"#)
        #expect(object.strings("ip") == ["1.1.1.1", "2.2.2.2"])
        #expect(object.strings("hits.a") == ["1", "2"])
        #expect(object.strings("hits.b") == ["3", "4"])
        #expect(object.valueCount(.init("ip")) == 2)
        #expect(object.values("e").isEmpty)
    }

    @Test func numbersAsStringsReadAsIntegers() throws {
        let object = try flatJSON(#"{"port":"445","big":"9000000000000000000","frac":"1.5","neg":"-7"}"#)
        #expect(object.integer("port") == 445)
        #expect(object.integer("big") == 9_000_000_000_000_000_000)
        #expect(object.integer("frac") == nil)
        #expect(object.integer("neg") == -7)
        #expect(object.bool("port") == nil)
    }

    @Test func escapesDecode() throws {
        let object = try flatJSON(#"{"s":"a\"b\\c\/d\b\f\n\r\t","u":"\u00e9\u20AC","k\u002ey":1}"#)
        #expect(object.string("s") == "a\"b\\c/d\u{8}\u{c}\n\r\t")
        #expect(object.string("u") == "é€")
        #expect(object.integer("k.y") == 1)
    }

    @Test func surrogatePairsDecodeToOneScalar() throws {
        let object = try flatJSON(#"{"emoji":"x\uD83D\uDE00y"}"#)
        #expect(object.string("emoji") == "x😀y")
    }

    @Test func rawUTF8IsKept() throws {
        let object = try flatJSON(#"{"name":"Zoë 東京 😀"}"#)
        #expect(object.string("name") == "Zoë 東京 😀")
    }

    @Test(arguments: SyntaxCase.all)
    func syntaxErrorsNameTheOffset(_ example: SyntaxCase) {
        #expect(syntaxError(Array(example.text.utf8)) == JSONSyntaxError(offset: example.offset, reason: example.reason))
    }

    @Test func invalidUTF8IsRejectedAtItsByte() {
        let prefix = Array(#"{"a":"ok"#.utf8)
        #expect(syntaxError(prefix + [0xFF] + Array(#""}"#.utf8))?.offset == prefix.count)
        #expect(syntaxError(prefix + [0xC0, 0xAF] + Array(#""}"#.utf8))?.reason == "invalid UTF-8 byte 0xC0")
        #expect(syntaxError(prefix + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8))?.reason == "invalid UTF-8 sequence")
        #expect(syntaxError(prefix + [0xE2, 0x82] + Array(#""}"#.utf8))?.reason == "invalid UTF-8 sequence")
    }

    @Test func controlCharactersInStringsAreRejected() {
        #expect(syntaxError(Array("{\"a\":\"x\ty\"}".utf8))?.reason == "control character 0x9 inside a string")
    }

    @Test func deepNestingIsRejected() {
        let deep = String(repeating: #"{"a":"#, count: 200) + "1" + String(repeating: "}", count: 200)
        #expect(syntaxError(Array(deep.utf8))?.reason == "nesting deeper than 128")
    }

    @Test func reparseReplacesTheContent() throws {
        var object = try flatJSON(#"{"a":1,"b":{"c":"x"}}"#)
        let second = Array(#"{"b.c":"y"}"#.utf8)
        try second.withLineBytes { buffer throws(JSONSyntaxError) in try object.reparse(buffer) }
        #expect(object.values("a").isEmpty)
        #expect(object.strings("b.c") == ["y"])
        let broken = Array(#"{"b":"#.utf8)
        #expect(throws: JSONSyntaxError.self) {
            try broken.withLineBytes { buffer throws(JSONSyntaxError) in try object.reparse(buffer) }
        }
        #expect(object.values("b.c").isEmpty)
    }

    @Test func manyFieldsAllResolve() throws {
        let fields = (0..<300).map { #""f\#($0)":{"v":\#($0)}"# }.joined(separator: ",")
        let object = try flatJSON("{" + fields + "}")
        for index in 0..<300 { #expect(object.integer("f\(index).v") == Int64(index)) }
        #expect(object.paths.count == 300)
    }

    @Test func byteLookupsAvoidStrings() throws {
        let object = try flatJSON(#"{"source":{"ip":["10.0.0.1","fe80::1"]}}"#)
        var seen: [String] = []
        object.forEachValue(.init("source.ip")) { bytes, isString in
            seen.append(String(decoding: bytes, as: UTF8.self) + (isString ? "" : "?"))
            return true
        }
        #expect(seen == ["10.0.0.1", "fe80::1"])
        #expect(object.withFirstValue(.init("source.ip")) { bytes, _ in bytes.count } == 8)
        #expect(object.withFirstValue(.init("missing")) { bytes, _ in bytes.count } == nil)
    }
}

@Suite struct FlatJSONObjectLimitTests {
    @Test func overlongPathsAreRejected() {
        let key = String(repeating: "k", count: 600)
        let text = #"{"\#(key)":{"\#(key)":1}}"#
        #expect(syntaxError(Array(text.utf8))?.reason == "key path longer than 1024 bytes")
    }

    @Test func manyNestedKeysUnderALongPrefixAreBounded() {
        let prefix = String(repeating: "p", count: 1000)
        let children = (0..<20_000).map { #""\#($0)":1"# }.joined(separator: ",")
        let text = #"{"\#(prefix)":{\#(children)}}"#
        #expect(syntaxError(Array(text.utf8))?.reason == "too many nested keys")
    }
}
