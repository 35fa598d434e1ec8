import TestSupport

/// Seeded, reproducible damage to log text: what a broken shipper, a bad disk or an attacker
/// writes. `mutate(line:)` changes one line and never adds a line end, so every other line of the
/// file stays as it was; `mutate(file:foreign:)` may change anything, line ends included.
struct LogMutator {
    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// Numbers no field should take without a rejection, or that sit at a type's edge.
    private static let awkwardNumbers = [
        "99999999999999999999999999", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "1e400", "-1e400", "1e308", "-1", "-0", "0.5", "-65536", "65536", "NaN",
        "Infinity", "0x1F", "1_000", "253402300800", "-62167219201", "9999999999.999999999",
    ].map { Array($0.utf8) }
    /// Values of the wrong JSON type for any field.
    private static let wrongTypes = [#""text""#, "{}", "[]", "[1,2]", "true", "null", #"{"a":1}"#, #""""#]
        .map { Array($0.utf8) }
    private static let invalidUTF8: [[UInt8]] = [
        [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ]
    private static let controls: [[UInt8]] = [[0x1B, 0x5B, 0x32, 0x4A], [0xC2, 0x9B], [0x07], [0x08], [0xE2, 0x80, 0xAE], [0x7F]]

    /// One line, damaged one way; the result holds no `\n` or `\r`.
    mutating func mutate(line: [UInt8]) -> [UInt8] {
        var bytes = line
        switch random.next() % 13 {
        case 0: flipBits(&bytes)
        case 1: bytes = Array(bytes.prefix(index(in: bytes.count)))
        case 2: duplicateRange(&bytes)
        case 3: deleteRange(&bytes)
        case 4: replaceNumber(in: &bytes, with: pick(Self.awkwardNumbers))
        case 5: replaceNumber(in: &bytes, with: [UInt8(ascii: "-")] + (digitRun(in: bytes).map { Array(bytes[$0]) } ?? [0x31]))
        case 6: bytes.insert(contentsOf: pick(Self.invalidUTF8), at: index(in: bytes.count))
        case 7: bytes.insert(0, at: index(in: bytes.count))
        case 8: bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "A"), count: 70_000 + index(in: 10_000)), at: index(in: bytes.count))
        case 9: nest(&bytes, depth: 100 + index(in: 3_000))
        case 10: replaceNumber(in: &bytes, with: pick(Self.wrongTypes))
        case 11: bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: random.next() % 2 == 0 ? 0 : index(in: bytes.count))
        default: bytes.insert(contentsOf: pick(Self.controls), at: index(in: bytes.count))
        }
        return bytes.map { $0 == 0x0A || $0 == 0x0D ? UInt8(ascii: " ") : $0 }
    }

    /// The whole file damaged: a few lines mutated, line ends changed, a line of another format
    /// spliced in, bytes cut, duplicated or deleted across lines, or a line over the line limit.
    mutating func mutate(file: [UInt8], foreign: [UInt8]) -> [UInt8] {
        var lines = file.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        switch random.next() % 7 {
        case 0:
            for _ in 0..<(1 + index(in: 3)) {
                let target = index(in: lines.count)
                lines[target] = mutate(line: lines[target])
            }
            return Array(lines.joined(separator: [0x0A]))
        case 1:
            let ending: [UInt8] = random.next() % 2 == 0 ? [0x0D] : [0x0D, 0x0A]
            return Array(lines.joined(separator: ending))
        case 2:
            let foreignLines = foreign.split(separator: 0x0A).map(Array.init)
            lines.insert(pick(foreignLines), at: index(in: lines.count + 1))
            return Array(lines.joined(separator: [0x0A]))
        case 3:
            return Array(file.prefix(index(in: file.count)))
        case 4:
            var bytes = file
            duplicateRange(&bytes)
            return bytes
        case 5:
            var bytes = file
            deleteRange(&bytes)
            flipBits(&bytes)
            return bytes
        default:
            lines.insert(Array(repeating: UInt8(ascii: "x"), count: (1 << 20) + index(in: 4_096)), at: index(in: lines.count + 1))
            return Array(lines.joined(separator: [0x0A]))
        }
    }

    /// A number below `bound` (0 for an empty range).
    mutating func index(in bound: Int) -> Int {
        bound > 0 ? Int(random.next() % UInt64(bound)) : 0
    }

    private mutating func pick<Element>(_ choices: [Element]) -> Element {
        choices[index(in: choices.count)]
    }

    private mutating func flipBits(_ bytes: inout [UInt8]) {
        guard !bytes.isEmpty else { return }
        for _ in 0..<(1 + index(in: 4)) { bytes[index(in: bytes.count)] ^= 1 << UInt8(index(in: 8)) }
    }

    private mutating func range(in bytes: [UInt8]) -> Range<Int> {
        let start = index(in: bytes.count)
        return start..<min(bytes.count, start + 1 + index(in: 64))
    }

    private mutating func duplicateRange(_ bytes: inout [UInt8]) {
        guard !bytes.isEmpty else { return }
        let copied = Array(bytes[range(in: bytes)])
        bytes.insert(contentsOf: copied, at: index(in: bytes.count + 1))
    }

    private mutating func deleteRange(_ bytes: inout [UInt8]) {
        guard !bytes.isEmpty else { return }
        bytes.removeSubrange(range(in: bytes))
    }

    /// A run of digits, picked at random among the first few.
    private mutating func digitRun(in bytes: [UInt8]) -> Range<Int>? {
        var runs: [Range<Int>] = []
        var start: Int?
        for (offset, byte) in bytes.enumerated() {
            let isDigit = (0x30...0x39).contains(byte)
            if isDigit, start == nil { start = offset }
            if !isDigit, let begun = start {
                runs.append(begun..<offset)
                start = nil
            }
        }
        if let start { runs.append(start..<bytes.count) }
        return runs.isEmpty ? nil : pick(runs)
    }

    private mutating func replaceNumber(in bytes: inout [UInt8], with replacement: [UInt8]) {
        guard let run = digitRun(in: bytes) else {
            bytes.insert(contentsOf: replacement, at: index(in: bytes.count))
            return
        }
        bytes.replaceSubrange(run, with: replacement)
    }

    /// Nested arrays and objects `depth` deep, as a member after the line's first `{` (or at its start).
    private mutating func nest(_ bytes: inout [UInt8], depth: Int) {
        let open = random.next() % 2 == 0 ? Array("[".utf8) : Array(#"{"n":"#.utf8)
        let close = open == Array("[".utf8) ? Array("]".utf8) : Array("}".utf8)
        let value = Array(repeating: open, count: depth).joined() + [0x31] + Array(repeating: close, count: depth).joined()
        let member = Array(#""deep":"#.utf8) + value + Array(",".utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "{")).map { $0 + 1 } ?? 0
        bytes.insert(contentsOf: member, at: at)
    }
}
