import Detection
import Foundation
import SmbtriageKit
import Store

/// The exception guard as the CLI applies it: the rule this binary ships (its default version), the store's items.
enum ExceptionGuardCheck {
    /// A guard over the store's items, leaving out those about to be replaced (`replacing` ids).
    static func make(_ repository: SMBStore, replacing ids: Set<String> = [], now: Date) throws -> ExceptionGuard {
        let existing = try repository.exceptions().map(\.item).filter { !ids.contains($0.id) }
        return ExceptionGuard(rule: repository.rules.defaultRule, existing: existing, now: now)
    }

    /// Concern messages as one terminal-safe sentence.
    static func text(_ concerns: [ExceptionConcern]) -> String {
        TerminalText.safe(concerns.map(\.message).joined(separator: "; "))
    }
}

extension ExceptionsCommand.Import {
    /// Reports each item the guard refuses (as a note when forced); throws unless forced.
    func checkGuard(_ parsed: [KibanaExceptionList.ParsedItem], repository: SMBStore) throws {
        var exceptionGuard = try ExceptionGuardCheck.make(repository, replacing: Set(parsed.map(\.item.id)), now: Date())
        var refused = 0
        for entry in parsed {
            let concerns = exceptionGuard.concerns(about: entry.item)
            exceptionGuard.admit(entry.item)
            guard !concerns.isEmpty else { continue }
            refused += 1
            StandardError.print("\(TerminalText.safe(file)):\(entry.line): \(force ? "imported anyway" : "refused") item "
                + "\(TerminalText.safe(entry.item.id)): \(ExceptionGuardCheck.text(concerns))")
        }
        guard refused > 0, !force else { return }
        throw CommandFailure("nothing imported from \(file): \(refused) of \(parsed.count) items "
            + "refused. Add --force to import them anyway.")
    }
}
