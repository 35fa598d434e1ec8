/// How the panw pipeline turns a row's action (field 31) and subtype (field 5) into
/// `event.action` and `event.type`.
enum PANOSAction {
    private static let allowed: Set<String> = ["alert", "allow", "continue"]
    private static let denied: Set<String> = [
        "deny", "drop", "drop-icmp", "reset-client", "reset-server", "reset-both", "block-url", "block-ip",
        "random-drop", "sinkhole", "block",
    ]

    /// The action with the docs' spaced spellings (`reset both`, `drop ICMP`) in their hyphenated
    /// form, as the pipeline normalizes them (here before classifying them, so they count as denied).
    static func normalized(_ action: String) -> String {
        switch action.lowercased() {
        case "drop icmp": "drop-icmp"
        case "reset both": "reset-both"
        case "reset client": "reset-client"
        case "reset server": "reset-server"
        default: action
        }
    }

    /// True for the actions the pipeline counts as allowed (`alert`, `allow`, `continue`): a THREAT
    /// row's `event.outcome` is `success` for them.
    static func isSuccess(_ action: String) -> Bool {
        allowed.contains(action)
    }

    /// `event.action` from the subtype: `flow_started`, `flow_terminated`, `flow_dropped`, `flow_denied`.
    static func eventAction(subtype: String?) -> String? {
        switch subtype {
        case "start": "flow_started"
        case "end": "flow_terminated"
        case "drop": "flow_dropped"
        case "deny": "flow_denied"
        default: nil
        }
    }

    /// `event.type`: `allowed` or `denied` from the action, then what the subtype says.
    static func eventTypes(action: String?, subtype: String?) -> [String] {
        var types: [String] = []
        if let action {
            if allowed.contains(action) { types.append("allowed") }
            if denied.contains(action) { types.append("denied") }
        }
        switch subtype {
        case "start": types += ["start", "connection"]
        case "end": types += ["end", "connection"]
        case "drop", "deny": types += ["denied", "connection"]
        default: break
        }
        return types
    }
}
