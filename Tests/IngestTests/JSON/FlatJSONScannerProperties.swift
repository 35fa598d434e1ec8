import Foundation
import PropertyBased
import Testing
import TestSupport
@testable import Ingest

/// The hand-written scanner against Foundation's JSONSerialization on generated flat documents:
/// every key reads the values JSONSerialization decodes (strings with every escape, surrogate
/// pairs and raw UTF-8; integers, fractions and exponents; booleans; arrays of them), `null`s
/// and empty arrays are absent, and nothing else is present.
@Suite struct FlatJSONScannerProperties {
    /// The pieces a generated string's JSON text is made of: plain and non-ASCII characters and
    /// every escape JSON has.
    private static let stringPieces = ["a", "Z", "7", " ", ".", "é", "財", "🛡", #"\""#, #"\\"#, #"\/"#, #"\b"#,
                                       #"\f"#, #"\n"#, #"\r"#, #"\t"#, #"\u0041"#, #"\u00e9"#, #"\u0000"#,
                                       #"\u001b"#, #"\u2028"#, #"\ud83d\udee1"#, #"\uD834\uDD1E"#]
    private static let numbers = ["0", "-0", "7", "-42", "9007199254740993", "3.25", "-0.5", "1e3", "2E-2",
                                  "6.02e+23", "-1.5E10", "18446744073709551615"]
    private static let whitespace = ["", "", " ", "\t", "\r\n "]

    /// One generated document: its text, and what each key holds in JSON source form.
    static func document(seed: UInt64) -> String {
        var random = SplitMix64(seed: seed)
        func pick(_ options: [String]) -> String { options[random.next(below: options.count)] }
        func scalar() -> String {
            switch random.next(below: 5) {
            case 0, 1: "\"" + (0..<random.next(below: 6)).map { _ in pick(stringPieces) }.joined() + "\""
            case 2: pick(numbers)
            case 3: pick(["true", "false"])
            default: "null"
            }
        }
        func value() -> String {
            guard random.next(below: 4) == 0 else { return scalar() }
            let elements = (0..<random.next(below: 4)).map { _ in pick(whitespace) + scalar() + pick(whitespace) }
            return "[" + elements.joined(separator: ",") + "]"
        }
        let members = (0..<random.next(below: 7)).map { index in
            pick(whitespace) + "\"" + pick(["k", "key_", "é", "source_ip"]) + "\(index)\"" + pick(whitespace) + ":"
                + pick(whitespace) + value() + pick(whitespace)
        }
        return pick(whitespace) + "{" + members.joined(separator: ",") + "}" + pick(whitespace)
    }

    /// What JSONSerialization makes of a value, as the scanner's scalars: strings decoded, numbers
    /// and booleans by their JSON text (compared by value below), `null` absent.
    private static func expected(_ value: Any) -> [FlatJSONObject.Scalar] {
        switch value {
        case let array as [Any]: array.flatMap(expected)
        case is NSNull: []
        case let string as String: [FlatJSONObject.Scalar(text: string, isString: true)]
        case let number as NSNumber where String(cString: number.objCType) == "c":
            [FlatJSONObject.Scalar(text: number.boolValue ? "true" : "false", isString: false)]
        case let number as NSNumber: [FlatJSONObject.Scalar(text: "\(number.doubleValue)", isString: false)]
        default: preconditionFailure("not a flat JSON value: \(value)")
        }
    }

    /// Numbers agree by value (the scanner keeps the literal, JSONSerialization a binary number).
    private static func sameValue(_ scanned: FlatJSONObject.Scalar, _ decoded: FlatJSONObject.Scalar) -> Bool {
        guard !scanned.isString, !decoded.isString, let number = Double(scanned.text), let reference = Double(decoded.text)
        else { return scanned == decoded }
        return number == reference
    }

    @Test func scannerReadsWhatJSONSerializationReads() async throws {
        await propertyCheck(count: 3_000, input: Gen.uint64()) { seed in
            let text = Self.document(seed: seed)
            let reference = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let object = try flatJSON(text)
            var expectedPaths: Set<String> = []
            for (key, value) in reference {
                let expected = Self.expected(value)
                let scanned = object.values(key)
                if !expected.isEmpty { expectedPaths.insert(key) }
                #expect(scanned.count == expected.count && zip(scanned, expected).allSatisfy(Self.sameValue),
                        "\(key) in \(text): \(scanned) against \(expected)")
            }
            #expect(Set(object.paths) == expectedPaths, "\(text)")
        }
    }
}
