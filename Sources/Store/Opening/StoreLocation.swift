/// Where the store lives when the command line does not say.
public enum StoreLocation {
    /// `$SMBTRIAGE_DB`, else `$XDG_DATA_HOME/smbtriage/smbtriage.db`, else
    /// `~/.local/share/smbtriage/smbtriage.db` (`$HOME`). Empty variables count as unset.
    public static func defaultPath(environment: [String: String]) -> String {
        if let explicit = value("SMBTRIAGE_DB", in: environment) { return explicit }
        return directory(base: "XDG_DATA_HOME", else: ".local/share", environment: environment)
            + "/smbtriage/smbtriage.db"
    }

    /// The directory `smbtriage demo` rebuilds its store in on every run:
    /// `$XDG_CACHE_HOME/smbtriage/demo`, else `~/.cache/smbtriage/demo` (`$HOME`).
    public static func demoDirectory(environment: [String: String]) -> String {
        directory(base: "XDG_CACHE_HOME", else: ".cache", environment: environment) + "/smbtriage/demo"
    }

    /// The XDG base directory `variable` names, else `fallback` under `$HOME`.
    private static func directory(base variable: String, else fallback: String,
                                  environment: [String: String]) -> String {
        value(variable, in: environment) ?? (value("HOME", in: environment) ?? "~") + "/" + fallback
    }

    /// The variable's value; an empty one counts as unset.
    private static func value(_ name: String, in environment: [String: String]) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }
}
