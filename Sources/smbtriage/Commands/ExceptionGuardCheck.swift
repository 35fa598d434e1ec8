import Detection
import Foundation
import Store

/// The exception guard as the CLI applies it: the rule this binary ships, the store's items.
enum ExceptionGuardCheck {
    /// A guard over the store's items, leaving out those about to be replaced (`replacing` ids).
    static func make(_ repository: SMBStore, replacing ids: Set<String> = [], now: Date) throws -> ExceptionGuard {
        let existing = try repository.exceptions().map(\.item).filter { !ids.contains($0.id) }
        return ExceptionGuard(rule: try BundledRule.compiled(), existing: existing, now: now)
    }

    /// Concern messages as one terminal-safe sentence.
    static func text(_ concerns: [ExceptionConcern]) -> String {
        TerminalText.safe(concerns.map(\.message).joined(separator: "; "))
    }
}
