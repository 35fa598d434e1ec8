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

    @Test("room left over widens a column to its preferred width before the flexible column takes the rest")
    func preferredWidth() {
        let preferring = table.preferring(2, toFit: ["a value of 19 chars"], limit: 16)
        #expect(preferring.columns[2].width == 10)
        let wide = preferring.layout(width: 80)
        #expect(wide.first { $0.index == 2 }?.column.width == 16)
        #expect(wide.first { $0.index == 1 }?.column.width == 80 - 15 - 16 - 2 - 2)
        let tight = preferring.layout(width: 38)
        #expect(tight.first { $0.index == 2 }?.column.width == 13)
        #expect(tight.first { $0.index == 1 }?.column.width == 6)
        #expect(preferring.layout(width: 30).map(\.index) == [0, 1])
    }

    @Test("the sorted column outlasts every column below the sorted priority, even one growing to its preferred width")
    func sortedColumnStays() {
        let sorted = table.markingSort(ListOrder(column: 2, descending: true))
        #expect(sorted.columns[2].priority == Table.sortedColumnPriority)
        #expect(sorted.layout(width: 30).map(\.index) == [0, 2])
        #expect(sorted.preferring(1, toFit: [String(repeating: "n", count: 14)], limit: 20).layout(width: 40).map(\.index) == [0, 1, 2])
    }

    @Test("a column ranked above the sorted priority outlasts the sorted column")
    func higherColumnsOutlastTheSortedOne() {
        var columns = table.columns
        columns[1].priority = Table.sortedColumnPriority + 1
        let sorted = Table(columns: columns).markingSort(ListOrder(column: 2, descending: true))
        #expect(sorted.layout(width: 30).map(\.index) == [0, 1])
    }

    @Test("an elidable column shrinks to its minimum at its yield priority, before columns above it go, and gets room back last")
    func elidableColumn() {
        var columns = table.columns
        columns[0].minimumWidth = 9
        columns[0].yieldPriority = 50
        let elidable = Table(columns: columns).widening(0, toFit: ["2001:db8:85a3::8a2e:370:7334"])
        // EXTRA (priority 10) goes first, then ADDRESS gives up to 19 columns (50), then NAME (70) goes.
        #expect(elidable.layout(width: 40).map(\.column.width) == [28, 9])
        #expect(elidable.layout(width: 30).map(\.column.width) == [21, 6])
        // Alone, the address gets back the room NAME left.
        #expect(elidable.layout(width: 15).map(\.index) == [0])
        #expect(elidable.layout(width: 15).first?.column.width == 13)
    }

    @Test("a preferred width takes the room of columns of lower priority, never of higher")
    func preferredWidthDropsLowerPriorities() {
        let name = table.preferring(1, toFit: [String(repeating: "n", count: 14)], limit: 20)
        #expect(name.layout(width: 40).map(\.index) == [0, 1])
        #expect(name.layout(width: 40).first { $0.index == 1 }?.column.width == 40 - 15 - 1 - 2)
        let extra = table.preferring(2, toFit: [String(repeating: "x", count: 30)], limit: 30)
        #expect(extra.layout(width: 40).map(\.index) == [0, 1, 2])
        #expect(extra.layout(width: 40).first { $0.index == 2 }?.column.width == 15)
    }
}
