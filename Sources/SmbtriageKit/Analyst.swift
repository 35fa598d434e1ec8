import Foundation

/// Who did it, for the audit log: `$SMBTRIAGE_ANALYST`, else `$USER`, else the account name of
/// the process's user (a service account has no `$USER`), else the uid.
public enum Analyst {
    public static var current: String {
        let environment = ProcessInfo.processInfo.environment
        return environment["SMBTRIAGE_ANALYST"] ?? environment["USER"] ?? environment["LOGNAME"]
            ?? accountName ?? "uid-\(getuid())"
    }

    private static var accountName: String? {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}
