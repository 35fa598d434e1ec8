@testable import Console
import Foundation
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
}
