import ArgumentParser
import Foundation
import Store

/// `--db PATH`, shared by every command that opens the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The SQLite store (default: $SMBTRIAGE_DB, else the XDG data directory).", valueName: "path"))
    var db: String?

    /// The path `--db` names, or the default location.
    var path: String {
        db ?? StoreLocation.defaultPath(environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the store; a failure is one clear sentence. Only a writable opening without
    /// `mustExist` creates a missing store (`ingest`, `watch`, `exceptions`); read-only commands
    /// and writes that need stored alerts refuse one, with `hint` saying how to get one.
    func open(readOnly: Bool = false, mustExist: Bool = false,
              hint: String = "`smbtriage ingest` creates one from logs") throws -> SMBStore {
        // A dangling link goes on to the store, which says where it points.
        let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
        if readOnly || mustExist, !isLink, !FileManager.default.fileExists(atPath: path) {
            throw CommandFailure("There is no store at \(path); \(hint).")
        }
        return try Self.open(path, readOnly: readOnly)
    }

    /// Opens (creating when needed) the store at `path`; a failure is one clear sentence, and so
    /// is the notice (on standard error) that the store was open to other users.
    static func open(_ path: String, readOnly: Bool = false) throws -> SMBStore {
        let store: SMBStore
        do {
            store = try SMBStore(path: path, readOnly: readOnly)
        } catch {
            throw CommandFailure("\(error)")
        }
        if let notice = store.permissionNotice {
            FileHandle.standardError.write(Data((TerminalText.safe(notice.description) + "\n").utf8))
        }
        return store
    }
}

/// A runtime failure: printed as one sentence, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Who did it, for the audit log: `$SMBTRIAGE_ANALYST`, else `$USER`, else the account name of
/// the process's user (a service account has no `$USER`), else the uid.
enum Analyst {
    static var current: String {
        let environment = ProcessInfo.processInfo.environment
        return environment["SMBTRIAGE_ANALYST"] ?? environment["USER"] ?? environment["LOGNAME"]
            ?? accountName ?? "uid-\(getuid())"
    }

    private static var accountName: String? {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}
