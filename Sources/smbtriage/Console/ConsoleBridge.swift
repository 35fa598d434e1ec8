import Console
import Detection
import Foundation
import ScreenCore
import Store
import Terminal
import TriageModel

/// Runs the console on the terminal: draws each `Screen` it returns and feeds it the terminal's
/// events, a `.tick` after every second without input so it notices store changes.
/// Ctrl-L, which the console takes as "reload", also repaints the whole terminal.
struct ConsoleBridge {
    /// How long the terminal may stay quiet before the console gets a `.tick`.
    static let idleTick: Duration = .seconds(1)

    private let session: TerminalSession
    private let runtime: ConsoleRuntime

    /// Takes over the terminal and opens a console on `repository`, writing triage as `actor`.
    /// - Throws: `TerminalError` when standard input and output are not a usable terminal.
    init(repository: any TriageRepository, rule: CompiledRule, catalog: RuleCatalog, readOnly: Bool, actor: String,
         display: ConsoleDisplayOptions) throws {
        let settings = display.settings()
        session = try TerminalSession(options: TerminalOptions(
            color: !display.noColor, mouse: settings.settings.mouse, environment: ProcessInfo.processInfo.environment))
        runtime = ConsoleRuntime(repository: repository, rule: rule, catalog: catalog, options: ConsoleOptions(
            readOnly: readOnly, color: session.usesColor, actor: actor, startupWarning: settings.problems.first.map {
                settings.problems.count == 1 ? $0 : "\($0) (and \(settings.problems.count - 1) more; see standard error)"
            }))
    }

    /// Runs until the analyst quits, then gives the terminal back.
    func run() {
        defer { session.close() }
        let size = session.size
        var screen = runtime.start(width: size.width, height: size.height)
        while true {
            session.present(screen)
            let event = session.nextEvent(timeout: Self.idleTick)
            if event == .key(.ctrl("l")) { session.repaintOnNextPresent() }
            guard let next = runtime.handle(event) else { return }
            screen = next
        }
    }
}
