@testable import Console
import Testing

@Suite("table layout")
struct TableTests {
    private let table = Table(columns: [
        .init(title: "ADDRESS", width: 15, priority: 100),
        .init(title: "NAME", width: 6, flexible: true, priority: 70),
        .init(title: "EXTRA", width: 10, priority: 10),
    ])

    @Test("narrow screens drop the lowest-priority columns first and the flexible one takes the rest")
    func dropping() {
        #expect(table.layout(width: 80).map(\.index) == [0, 1, 2])
        #expect(table.layout(width: 80).first { $0.index == 1 }?.column.width == 80 - 15 - 10 - 2 - 2)
        #expect(table.layout(width: 30).map(\.index) == [0, 1])
        #expect(table.layout(width: 18).map(\.index) == [0])
    }

    @Test("a column widens to fit long values such as IPv6 addresses, up to its limit")
    func widening() {
        let widened = table.widening(0, toFit: ["2001:db8:85a3::8a2e:370:7334"])
        #expect(widened.columns[0].width == 28)
        #expect(table.widening(0, toFit: ["10.1.2.3"]).columns[0].width == 15)
        #expect(table.widening(0, toFit: [String(repeating: "f", count: 60)]).columns[0].width == 41)
    }
}
