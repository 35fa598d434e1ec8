/// Where the store lives when the command line does not say.
public enum StoreLocation {
    /// `$SMBTRIAGE_DB`, else `$XDG_DATA_HOME/smbtriage/smbtriage.db`, else
    /// `~/.local/share/smbtriage/smbtriage.db` (`$HOME`). Empty variables count as unset.
    public static func defaultPath(environment: [String: String]) -> String {
        func value(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        if let explicit = value("SMBTRIAGE_DB") { return explicit }
        if let dataHome = value("XDG_DATA_HOME") { return dataHome + "/smbtriage/smbtriage.db" }
        let home = value("HOME") ?? "~"
        return home + "/.local/share/smbtriage/smbtriage.db"
    }
}
