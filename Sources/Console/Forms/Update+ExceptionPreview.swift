import Detection

/// The exception form's preview: the store counts the open alerts the scope on the form matches,
/// each time the scope changes.
extension Update {
    /// Asks for a count when the exception form in front describes a scope not counted yet.
    static func previewException(_ state: inout ConsoleState) -> [Effect] {
        guard case .form(var form) = state.overlay else { return [] }
        guard case .success(let scope) = exceptionScope(of: form) else {
            form.preview = nil
            state.overlay = .form(form)
            return []
        }
        guard form.preview?.scope != scope else { return [] }
        form.preview = ExceptionPreview(scope: scope)
        state.overlay = .form(form)
        return [.countOpenAlerts(scope)]
    }

    /// Takes a count when the form still shows the scope it was asked for.
    static func applyExceptionPreview(_ state: inout ConsoleState, scope: ExceptionScope, openAlerts: Int) {
        guard case .form(var form) = state.overlay, form.preview?.scope == scope else { return }
        form.preview?.openAlerts = openAlerts
        state.overlay = .form(form)
    }
}
