import Detection
import Foundation
import Store

extension StoreOptions {
    /// The active rule version of the store at `path`; the default version when there is none.
    func activeRuleVersion() throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return DetectionRule.defaultBundledVersion }
        do {
            return try open(readOnly: true).activeRuleVersion()
        } catch let error as StoreError {
            throw CommandFailure("\(error)")
        }
    }
}
