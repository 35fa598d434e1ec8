@testable import Console
import Foundation
import ScreenCore
import Testing
import TriageModel

@Suite("the history chart's series")
struct TimelineTests {
    private func point(hour: Int, flows: Int) -> TimelinePoint {
        TimelinePoint(start: Fixture.now.addingTimeInterval(Double(hour) * 3600), flows: flows, bytesOut: Int64(flows * 100),
                      externalFlows: flows)
    }

    @Test("hours without flows become empty buckets between the ones the store returns")
    func gapsAreFilled() {
        let series = TimelinePoint.dense([point(hour: 0, flows: 3), point(hour: 4, flows: 1)], bucket: .hour, last: 100)
        #expect(series.map(\.flows) == [3, 0, 0, 0, 1])
        #expect(series.map(\.start) == (0...4).map { Fixture.now.addingTimeInterval(Double($0) * 3600) })
    }

    @Test("only the newest buckets that fit are built, however far apart the flows are")
    func seriesIsCapped() {
        let series = TimelinePoint.dense([point(hour: -80_000, flows: 2), point(hour: 0, flows: 5)], bucket: .hour, last: 3)
        #expect(series.map(\.flows) == [0, 0, 5])
        #expect(TimelinePoint.dense([], bucket: .day, last: 10).isEmpty)
    }

    @Test("a short history gets empty buckets before its first, as many as its axis labels need")
    func shortSeriesSpanTheLabels() {
        let series = TimelinePoint.dense([point(hour: 0, flows: 3), point(hour: 2, flows: 1)], bucket: .hour, last: 100,
                                         atLeast: 5)
        #expect(series.map(\.flows) == [0, 0, 3, 0, 1])
        #expect(series.first?.start == Fixture.now.addingTimeInterval(-2 * 3600))
        #expect(TimelinePoint.dense([point(hour: 0, flows: 3)], bucket: .hour, last: 3, atLeast: 5).count == 3)
    }

    @Test("with few buckets, the oldest label starts under the oldest bar and the newest ends under the newest bar",
          arguments: [TimelineBucket.hour, .day])
    func labelsSitUnderTheirBars(bucket: TimelineBucket) throws {
        var driver = StateDriver(width: 120, height: 40)
        driver.repository.timelineBuckets = 3
        driver.press(.character("H"))
        if bucket == .day { driver.press(.character("t")) }
        let timeline = try #require(driver.state.history?.timeline)
        #expect(timeline.points.count == 3)
        let layout = driver.state.layout
        let lines = driver.screen().text().split(separator: "\n", omittingEmptySubsequences: false).map { Array(String($0)) }
        let chartRows = (layout.bodyTop + 1)..<(layout.bodyTop + 1 + layout.chartHeight)
        let bars = chartRows.flatMap { row in lines[row].indices.filter { "▁▂▃▄▅▆▇█".contains(lines[row][$0]) } }
        let newestBar = try #require(bars.max())
        // The "0" of the value axis stands two columns left of the oldest bucket's column.
        let zero = try #require(lines[chartRows.upperBound - 1].firstIndex(of: "0"))
        let labels = String(lines[chartRows.upperBound])
        let format = { bucket == .hour ? DateText.minute($0, timeZone: driver.state.timeZone) : DateText.day($0, timeZone: driver.state.timeZone) }
        let newest = format(try #require(timeline.points.last).start)
        let newestLabel = try #require(labels.range(of: newest))
        #expect(labels.distance(from: labels.startIndex, to: newestLabel.upperBound) - 1 == newestBar, "\(labels)")
        let oldestLabel = try #require(labels.firstIndex { $0 != " " })
        #expect(labels.distance(from: labels.startIndex, to: oldestLabel) == zero + 2, "\(labels)")
        #expect(newestBar - (zero + 2) + 1 >= 2 * newest.count + 3)
    }

    @Test("the title totals the host's whole history while the chart draws its last buckets, as many as the screen is wide")
    func titleTotalsTheWholeHistory() throws {
        var driver = StateDriver(width: 120, height: 40)
        driver.repository.timelineBuckets = 500
        driver.press(.character("H"))
        #expect(driver.ranEffects.contains(.loadTimeline(Fixture.finance, .hour, last: 120)))
        let timeline = try #require(driver.state.history?.timeline)
        #expect(timeline.points.count == 120)
        // The fake's bucket i has (5i mod 11) flows and 1000i bytes out; its oldest ten were pruned.
        let flows = (0..<500).reduce(0) { $0 + $1 * 5 % 11 }
        let pruned = (0..<10).reduce(0) { $0 + $1 * 5 % 11 }
        #expect(timeline.points.reduce(0) { $0 + $1.flows } < flows)
        let lines = driver.screen().text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let title = lines[driver.state.layout.bodyTop]
        #expect(title.contains("· \(NumberText.grouped(flows)) flows (\(pruned) pruned: daily summaries) · "
                               + "\(NumberText.bytes(Int64((0..<500).reduce(0, +) * 1000))) out"), "\(title)")
        let labels = lines[driver.state.layout.bodyTop + 1 + driver.state.layout.chartHeight]
        let newest = try #require(timeline.points.last).start
        #expect(labels.contains(DateText.minute(newest, timeZone: driver.state.timeZone)), "\(labels)")

        driver.send(.input(.resize(width: 150, height: 40)))
        #expect(driver.ranEffects.contains(.loadTimeline(Fixture.finance, .hour, last: 150)))
        #expect(driver.state.history?.timeline.points.count == 150)
    }
}
