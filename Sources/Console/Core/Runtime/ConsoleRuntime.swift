import Detection
import ScreenCore
import TriageModel

/// Owns the console's state, runs its effects against the repository and returns what to draw.
/// The terminal adapter calls `start` once, then `handle` for every input until it returns nil.
/// Effects run synchronously inside `start` / `handle`; use an instance from one thread.
public final class ConsoleRuntime {
    private var state: ConsoleState
    private let runner: EffectRunner
    private let options: ConsoleOptions

    /// Effects a single input may cascade into before the runtime stops following them; guards
    /// against a repository whose pages never settle.
    private static let effectBudget = 64

    /// `rule`: the running rule, one of `catalog`'s versions (the rule screen describes the others).
    public init(repository: any TriageRepository, rule: CompiledRule, catalog: RuleCatalog, options: ConsoleOptions) {
        self.options = options
        runner = EffectRunner(repository: repository, actor: options.actor)
        state = ConsoleState(width: 0, height: 0, readOnly: options.readOnly, now: options.now(),
                             timeZone: options.timeZone, rule: rule, catalog: catalog)
        state.message = options.startupWarning.map(StatusMessage.warning)
    }

    /// The first frame: loads the hosts list (synchronously) for a terminal of the given size.
    public func start(width: Int, height: Int) -> Screen {
        dispatch(.input(.resize(width: width, height: height)),
                 extra: [.pollChangeToken(reload: false), .loadExecutions(limit: RuleState.executionLimit)])
        return render()
    }

    /// Applies one input; returns the next frame, or nil when the analyst quit.
    public func handle(_ input: InputEvent) -> Screen? {
        dispatch(.input(input))
        return state.quitting ? nil : render()
    }

    /// Every key binding as Markdown tables, one per context, for the README.
    public static func keymapMarkdown() -> String {
        Keymap.markdown()
    }

    private func dispatch(_ msg: Msg, extra: [Effect] = []) {
        state.now = options.now()
        var pending = update(&state, msg) + extra
        var budget = Self.effectBudget
        while !pending.isEmpty, budget > 0 {
            let effect = pending.removeFirst()
            budget -= 1
            pending += update(&state, runner.run(effect))
        }
    }

    private func render() -> Screen {
        view(state, color: options.color)
    }
}
