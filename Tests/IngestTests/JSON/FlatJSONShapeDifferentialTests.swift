import PropertyBased
import Testing
import TestSupport
@testable import Ingest

/// The remembered shape (an object reparsed line after line reuses the keys of the lines before)
/// against parsing every line with a new object, which reads every key anew: the same leaves in
/// the same order, the same paths, hashes and lookups, the same errors at the same bytes.
@Suite struct FlatJSONShapeDifferentialTests {
    /// What one parse made: every leaf in document order, or the error.
    private struct Parsed: Equatable, CustomStringConvertible {
        var leaves: [String] = []
        var error: JSONSyntaxError?

        var description: String { error.map { "\($0)" } ?? leaves.joined(separator: " ") }
    }

    private static func parsed(_ line: [UInt8], into object: inout FlatJSONObject) -> Parsed {
        do throws(JSONSyntaxError) {
            try line.withLineBytes { bytes throws(JSONSyntaxError) in try object.reparse(bytes) }
        } catch {
            return Parsed(error: error)
        }
        var result = Parsed()
        let buffers = object.storage.buffers
        for index in 0..<buffers.leaves.count {
            let path = object.pathText(ofLeaf: index)
            let scalar = object.scalar(ofLeaf: index)
            // The lookup must find this path's leaves through the index.
            let found = object.values(FlatJSONObject.Key(path))
            result.leaves.append("\(path)#\(buffers.leaves[index].pathHash)=\(scalar.text)/\(scalar.isString)/\(found.count)")
        }
        return result
    }

    /// Parses `lines` with one reused object and with a new object per line, and compares.
    private static func expectSameParses(_ lines: [[UInt8]]) {
        var reused = FlatJSONObject()
        for line in lines {
            var fresh = FlatJSONObject()
            let expected = parsed(line, into: &fresh)
            let actual = parsed(line, into: &reused)
            #expect(actual == expected, "\(String(decoding: line, as: UTF8.self))")
        }
    }

    /// Keys a generated line writes: plain, escaped (some decoding to a plain key's text), non-ASCII,
    /// empty, with a dot, and one long enough to span several words.
    private static let keys = ["source", "ip", "port", #"sou\u0072ce"#, #"i\u0070"#, "é", "", "a.b", #"k\"q"#,
                               String(repeating: "long", count: 20)]

    /// A member list: keys with scalars, objects and arrays (of scalars or of objects).
    private indirect enum Value {
        case scalar(String)
        case object([(key: String, value: Value)])
        case array([Value])

        var text: String {
            switch self {
            case .scalar(let text): text
            case .object(let members): "{" + members.map { "\"\($0.key)\":" + $0.value.text }.joined(separator: ",") + "}"
            case .array(let elements): "[" + elements.map(\.text).joined(separator: ",") + "]"
            }
        }
    }

    private static func value(_ random: inout SplitMix64, depth: Int) -> Value {
        switch depth > 2 ? 0 : random.next(below: 4) {
        case 0: .scalar(["1", "\"x\"", "true", "null", "\"a\\nb\""][random.next(below: 5)])
        case 1, 2: .object(members(&random, depth: depth + 1))
        default: .array((0..<random.next(below: 3)).map { _ in value(&random, depth: depth + 1) })
        }
    }

    private static func members(_ random: inout SplitMix64, depth: Int) -> [(key: String, value: Value)] {
        (0..<random.next(below: 5)).map { _ in (keys[random.next(below: keys.count)], value(&random, depth: depth)) }
    }

    /// A line changed as sensors change them: members swapped, repeated, dropped, a key spelled
    /// another way, a value replaced; `shape` is the line most lines repeat.
    private static func variant(of shape: [(key: String, value: Value)], _ random: inout SplitMix64) -> [(key: String, value: Value)] {
        var members = shape
        guard !members.isEmpty else { return members }
        let index = random.next(below: members.count)
        switch random.next(below: 6) {
        case 0: members.swapAt(index, random.next(below: members.count))
        case 1: members.insert(members[index], at: random.next(below: members.count + 1))
        case 2: members.remove(at: index)
        case 3: members[index].key = keys[random.next(below: keys.count)]
        case 4: members[index].value = value(&random, depth: 1)
        default: break
        }
        return members
    }

    /// A line broken as hostile input breaks them: cut short, a control character or a stray
    /// byte in a key, a lone backslash.
    private static func damaged(_ line: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        guard !line.isEmpty else { return line }
        var line = line
        let position = random.next(below: line.count)
        switch random.next(below: 4) {
        case 0: return Array(line[..<position])
        case 1: line.insert(0x01, at: position)
        case 2: line.insert(0xFF, at: position)
        default: line.insert(UInt8(ascii: "\\"), at: position)
        }
        return line
    }

    @Test func reusedShapeParsesAsANewObject() async {
        await propertyCheck(count: 1_000, input: Gen.uint64()) { seed in
            var random = SplitMix64(seed: seed)
            var shape = Self.members(&random, depth: 0)
            var lines: [[UInt8]] = []
            for _ in 0..<12 {
                let members = random.next(below: 3) == 0 ? Self.variant(of: shape, &random) : shape
                var line = Array(Value.object(members).text.utf8)
                if random.next(below: 6) == 0 { line = Self.damaged(line, &random) }
                if random.next(below: 5) == 0 { shape = members }
                lines.append(line)
            }
            Self.expectSameParses(lines)
        }
    }

    /// Nested keys under a long prefix make paths many times the line's size: the storage limit
    /// stops such a line at the same byte whether its keys are known or new, plain or escaped.
    @Test func storageLimitStopsKnownKeysWhereItStopsNewOnes() {
        let prefix = String(repeating: "p", count: 1_000)
        func line(members: Int, key: String) -> [UInt8] {
            Array(("{\"\(prefix)\":{" + (0..<members).map { _ in "\"\(key)\":1" }.joined(separator: ",") + "}}").utf8)
        }
        for key in ["b", #"\u0062"#] {
            let lines = [line(members: 60, key: key), line(members: 60, key: key), line(members: 200, key: key),
                         line(members: 200, key: key), line(members: 60, key: key)]
            var probe = FlatJSONObject()
            #expect(Self.parsed(lines[2], into: &probe).error?.reason == "too many nested keys", "the limit is reached")
            Self.expectSameParses(lines)
        }
    }

    /// A path that grows past the longest allowed is rejected whether its prefix is known or new.
    @Test func pathLengthLimitHoldsForKnownPrefixes() {
        let long = String(repeating: "q", count: 600)
        let lines = [#"{"\#(long)":{"a":1}}"#, #"{"\#(long)":{"\#(long)":1}}"#, #"{"\#(long)":{"a":1}}"#]
        Self.expectSameParses(lines.map { Array($0.utf8) })
    }
}
