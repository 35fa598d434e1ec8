import Testing
@testable import Store
import TriageModel

@Suite("Page windows")
struct PageWindowTests {
    @Test func pagesInTheFirstHalfReadForwards() {
        for offset in [0, 450] {
            let window = PageWindow(offset: offset, limit: 50, total: 1000)
            #expect(!window.isReversed && window.offset == offset && window.limit == 50)
        }
    }

    @Test func pagesNearerTheEndReadBackwardsFromIt() {
        let last = PageWindow(offset: 950, limit: 50, total: 1000)
        #expect(last.isReversed && last.offset == 0 && last.limit == 50)
        let shortLast = PageWindow(offset: 990, limit: 50, total: 1000)
        #expect(shortLast.isReversed && shortLast.offset == 0 && shortLast.limit == 10)
        let nearEnd = PageWindow(offset: 600, limit: 50, total: 1000)
        #expect(nearEnd.isReversed && nearEnd.offset == 350 && nearEnd.limit == 50)
    }

    @Test func pagesPastTheEndOrEmptyReadNothing() {
        for window in [PageWindow(offset: 1000, limit: 50, total: 1000), PageWindow(offset: 5, limit: 0, total: 10),
                       PageWindow(offset: 0, limit: 50, total: 0), PageWindow(offset: 2000, limit: 50, total: 10)] {
            #expect(window.limit == 0 && !window.isReversed)
        }
        #expect(PageWindow(offset: -3, limit: 5, total: 10).offset == 0)
    }
}
