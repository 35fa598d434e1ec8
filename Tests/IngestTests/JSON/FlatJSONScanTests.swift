import Testing
@testable import Ingest

/// The scanner's word-at-a-time paths: path comparison, digit runs, tokens after whitespace.
@Suite struct FlatJSONScanTests {
    /// Keys of every length up to three words, each beside keys that differ from it only in its
    /// last byte or in its length: a lookup finds exactly its own value.
    @Test(arguments: 1...24)
    func pathsDifferingInOneByteOrInLengthStayApart(length: Int) throws {
        let key = String(repeating: "k", count: length)
        let lastByteDiffers = String(repeating: "k", count: length - 1) + "j"
        let longer = key + "k"
        let object = try flatJSON(#"{"\#(lastByteDiffers)":1,"\#(longer)":2,"\#(key)":3,"n":{"\#(key)":4}}"#)
        #expect(object.integer(key) == 3)
        #expect(object.integer(lastByteDiffers) == 1)
        #expect(object.integer(longer) == 2)
        #expect(object.integer("n." + key) == 4)
        #expect(object.integer(String(repeating: "k", count: length + 2)) == nil)
    }

    @Test func repeatedLongPathsChainInDocumentOrder() throws {
        let object = try flatJSON(#"{"network_traffic":{"flow":[{"identifier":"a"},{"identifier":"b"}]},"network_traffic.flow.identifier":"c"}"#)
        #expect(object.strings("network_traffic.flow.identifier") == ["a", "b", "c"])
    }

    /// Integers of every length up to 20 digits, followed by each byte that may end a number.
    @Test(arguments: 1...20)
    func digitRunsEndAtTheirFirstNonDigit(length: Int) throws {
        let digits = String((0..<length).map { Character(String(($0 + 1) % 10)) })
        let object = try flatJSON(#"{"a":\#(digits),"b":[\#(digits)],"c":\#(digits).5,"d":\#(digits)e3,"e":-\#(digits)}"#)
        #expect(object.values("a") == [.init(text: digits, isString: false)])
        #expect(object.strings("b") == [digits])
        #expect(object.strings("c") == [digits + ".5"])
        #expect(object.strings("d") == [digits + "e3"])
        #expect(object.strings("e") == ["-" + digits])
    }

    /// A byte just past the digits (a letter, `:` and `/` around the digit range, a byte ≥ 0xFA
    /// whose sum with 6 carries) is not taken as a digit.
    @Test(arguments: [[0x78], [0x3A], [0x2F], [0xFF], [0x20, 0x78]] as [[UInt8]])
    func digitRunsStopAtBytesNextToTheDigitRange(follower: [UInt8]) {
        let error = syntaxError(Array(#"{"a":123456789"#.utf8) + follower + Array("}".utf8))
        #expect(error?.offset == (follower.first == 0x20 ? 15 : 14))
        #expect(error?.reason == "expected ',' or '}'")
    }

    @Test func whitespaceBetweenEveryTokenReadsAsCompactText() throws {
        let spaced = try flatJSON(" \t{ \"a\" :\r\n { \"b\" : [ 1 , \"x\" , true ] , \"c\" : null } , \"d\" : { } }\n ")
        let compact = try flatJSON(#"{"a":{"b":[1,"x",true],"c":null},"d":{}}"#)
        #expect(spaced.values("a.b") == compact.values("a.b"))
        #expect(spaced.values("a.b").map(\.text) == ["1", "x", "true"])
        #expect(spaced.paths.sorted() == compact.paths.sorted())
    }

    @Test func syntaxErrorsAfterWhitespaceNameTheTokenOffset() {
        #expect(syntaxError(Array(#"{ "a" : 1 ,  }"#.utf8))?.offset == 13)
        #expect(syntaxError(Array(#"{ "a" : [ 1 ,  ] }"#.utf8))?.reason == "expected a value")
        #expect(syntaxError(Array(#"{ "a"  1 }"#.utf8))?.offset == 7)
        #expect(syntaxError(Array("  \n ".utf8))?.reason == "empty input, expected a JSON object")
    }
}
