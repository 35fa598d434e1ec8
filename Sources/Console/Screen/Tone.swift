/// A colour hint. Never the only carrier of meaning: severity and state are always also words or
/// symbols, and with colour off every tone is drawn as `normal`.
public enum Tone: Hashable, Sendable, CaseIterable {
    case normal, critical, high, medium, low, ok, accent, muted
}
