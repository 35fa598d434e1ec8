import Detection
import Foundation
import FuzzSupport

// Every input as a rule file (`smbtriage rule --check`): validated, then decoded and compiled
// when it is valid.
FuzzDriver.run { bytes in
    let file = Data(buffer: bytes)
    if validateRuleFile(file).isEmpty, let rule = try? DetectionRule(jsonFile: file) {
        _ = try? CompiledRule(rule)
    }
}
