import ScreenCore

/// The styles the view draws with; with colour off every tone is `normal` and only emphasis
/// (bold, reverse, underline, dim) remains.
struct Theme: Sendable {
    var color: Bool

    func style(_ tone: Tone = .normal, _ emphasis: Emphasis = []) -> CellStyle {
        CellStyle(emphasis: emphasis, tone: color ? tone : .normal)
    }

    var plain: CellStyle { style() }
    var header: CellStyle { style(.muted, [.bold, .underline]) }
    var muted: CellStyle { style(.muted, .dim) }
    var key: CellStyle { style(.accent, .bold) }
    var bar: CellStyle { style(.accent, .reverse) }
}
