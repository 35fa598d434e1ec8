import Foundation

extension Date {
    /// The value stored in a time column: seconds since the reference date, exact.
    var storeSeconds: Double { timeIntervalSinceReferenceDate }

    init(storeSeconds: Double) {
        self.init(timeIntervalSinceReferenceDate: storeSeconds)
    }
}
