import ScreenCore

/// A screen's styles as text, one letter per cell, under a legend naming each letter's tone and
/// emphasis (letters are given in order of first use): the form `Golden/<name>.style` holds.
///
///     a normal
///     b accent bold reverse
///     --
///     bbbbbbbaaaa…
struct StyleLayer: Equatable {
    static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// The style of every cell, row by row.
    var rows: [[CellStyle]]

    init(_ screen: Screen) {
        rows = (0..<screen.height).map { row in (0..<screen.width).map { screen[row, $0].style } }
    }

    /// Reads the text form; nil when it is malformed.
    init?(text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let separator = lines.firstIndex(of: "--") else { return nil }
        var legend: [Character: CellStyle] = [:]
        for line in lines[..<separator] {
            let words = line.split(separator: " ")
            guard let letter = words.first?.first, let style = Self.style(named: words.dropFirst()) else { return nil }
            legend[letter] = style
        }
        var rows: [[CellStyle]] = []
        for line in lines[(separator + 1)...] where !line.isEmpty {
            let row = line.compactMap { legend[$0] }
            guard row.count == line.count else { return nil }
            rows.append(row)
        }
        self.rows = rows
    }

    /// The legend, `--`, then one line of letters per row.
    var text: String {
        var order: [CellStyle] = []
        for style in rows.joined() where !order.contains(style) { order.append(style) }
        let letter = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, Self.letters[$0 % Self.letters.count]) })
        let legend = order.map { "\(letter[$0]!) \(Self.name(of: $0))" }
        return (legend + ["--"] + rows.map { String($0.map { letter[$0]! }) }).joined(separator: "\n")
    }

    /// The tone then the emphasis of `style`, as the legend writes them.
    static func name(of style: CellStyle) -> String {
        ([String(describing: style.tone)] + emphases.filter { style.emphasis.contains($0.value) }.map(\.name))
            .joined(separator: " ")
    }

    private static let emphases: [(name: String, value: Emphasis)] = [
        ("bold", .bold), ("reverse", .reverse), ("underline", .underline), ("dim", .dim),
    ]

    private static func style(named words: some Collection<Substring>) -> CellStyle? {
        guard let toneName = words.first, let tone = Tone.allCases.first(where: { "\($0)" == toneName }) else { return nil }
        var emphasis: Emphasis = []
        for word in words.dropFirst() {
            guard let named = emphases.first(where: { $0.name == word }) else { return nil }
            emphasis.insert(named.value)
        }
        return CellStyle(emphasis: emphasis, tone: tone)
    }
}
