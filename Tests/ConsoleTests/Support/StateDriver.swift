@testable import Console
import Detection
import Foundation
import ScreenCore
import TestSupport
import TriageModel

/// Runs `update` against the fake repository the way the runtime does, but keeps the state
/// visible so tests can assert on it; `lastEffects` holds what the last message asked for.
struct StateDriver {
    var state: ConsoleState
    let repository: InMemoryTriageRepository
    let runner: EffectRunner
    private(set) var lastEffects: [Effect] = []
    /// Every effect the last message cascaded into, in the order they ran.
    private(set) var ranEffects: [Effect] = []

    init(width: Int = 120, height: Int = 40, readOnly: Bool = false, fixture: Fixture = .standard()) {
        repository = InMemoryTriageRepository(fixture: fixture)
        runner = EffectRunner(repository: repository, actor: "tester")
        state = ConsoleState(width: 0, height: 0, readOnly: readOnly, now: Fixture.now,
                             timeZone: TimeZone(identifier: "UTC")!, rule: Fixture.rule, catalog: Fixture.catalog)
        send(.input(.resize(width: width, height: height)))
    }

    /// Applies `msg` and runs every effect it cascades into.
    mutating func send(_ msg: Msg) {
        lastEffects = update(&state, msg)
        var pending = lastEffects
        ranEffects = []
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            ranEffects.append(effect)
            pending += update(&state, runner.run(effect))
        }
    }

    mutating func press(_ keys: Key...) {
        for key in keys { send(.input(.key(key))) }
    }

    mutating func type(_ text: String) {
        for character in text { send(.input(.key(.character(character)))) }
    }

    func screen(color: Bool = true) -> Screen { view(state, color: color) }

    /// The form on screen, if any.
    var form: Form? {
        if case .form(let form) = state.overlay { form } else { nil }
    }

    /// The question on screen, if any.
    var confirmation: Confirmation? {
        if case .confirm(let confirmation) = state.overlay { confirmation } else { nil }
    }
}
