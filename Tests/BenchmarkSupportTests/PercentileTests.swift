import BenchmarkSupport
import Testing

/// The one percentile every benchmark reports: the nearest rank below, on sorted samples.
@Suite struct PercentileTests {
    private let hundred = (1...100).map(Double.init)

    @Test func theMedianAndTheTailOfAHundredSamples() {
        #expect(percentile(hundred, 0.5) == 50)
        #expect(percentile(hundred, 0.99) == 99)
    }

    @Test func theEndsAreTheSmallestAndTheLargestSample() {
        #expect(percentile(hundred, 0) == 1)
        #expect(percentile(hundred, 1) == 100)
        #expect(percentile([7], 0.99) == 7)
    }
}
