/// What the mouse does when the console was started with `--mouse` (`Update.handleMouse` does it),
/// for the `?` overlay and the docs.
struct MouseBinding: Hashable, Sendable {
    var gesture: String
    var help: String

    /// The help section's title.
    static let title = "Mouse (with --mouse)"

    static let all = [
        MouseBinding(gesture: "Click", help: "Select the list row under the pointer (on the host screen, its pane too)"),
        MouseBinding(gesture: "Double click", help: "Open the list row under the pointer, as Enter does"),
        MouseBinding(gesture: "Wheel", help: "Move the selection of the list under the pointer \(Update.wheelRows) rows "
                     + "(elsewhere: scroll as ↑/↓ do, \(Update.wheelRows) lines)"),
    ]
}
