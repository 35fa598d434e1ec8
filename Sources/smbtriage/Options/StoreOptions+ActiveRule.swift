import Detection
import Foundation
import SmbtriageKit
import Store

extension StoreOptions {
    /// The active rule of the store at `path`; the default version when there is none.
    func activeRule() throws -> CompiledRule {
        guard FileManager.default.fileExists(atPath: path) else { return try Self.bundledRules().defaultRule }
        do {
            return try open(readOnly: true).activeRule()
        } catch let error as StoreError {
            throw CommandFailure("\(error)")
        }
    }
}
