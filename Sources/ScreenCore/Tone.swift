/// A colour hint. Never the only carrier of meaning: severity and state are always also words or
/// symbols, and with colour off every tone is drawn as `normal`. The terminal picks the colour:
/// severities run red, orange, yellow, blue as in Elastic Security; `ok` green, `accent` cyan, `muted` gray.
public enum Tone: Hashable, Sendable, CaseIterable {
    case normal, critical, high, medium, low, ok, accent, muted
}
