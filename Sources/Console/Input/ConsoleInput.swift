/// What the terminal adapter feeds the console.
public enum ConsoleInput: Sendable {
    case key(Key)
    /// The terminal changed size.
    case resize(width: Int, height: Int)
    /// About a second passed without input: the console polls the store for changes.
    case tick
}
