import ArgumentParser
import BundledRules
import Detection
import Foundation
import ScreenCore
import SmbtriageKit
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
        if readOnly || mustExist, !Self.pathNamesAnything(path) {
            throw CommandFailure("There is no store at \(path); \(hint).")
        }
        return try Self.open(path, readOnly: readOnly)
    }

    /// Tells on standard error how far a long upgrade of the store's rows got, so it never looks hung.
    private static func reportUpgrade(done: Int, total: Int) {
        let line = "Upgrading the store: \(NumberText.grouped(done)) of \(NumberText.grouped(total)) records upgraded\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Whether `path` names a file or a link (a dangling link too, which the store's opening describes).
    private static func pathNamesAnything(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Opens (creating when needed) the store at `path` with the bundled rules; a failure is one
    /// clear sentence, and so is the notice (on standard error) that the store was open to other users.
    static func open(_ path: String, readOnly: Bool = false) throws -> SMBStore {
        let store: SMBStore
        do {
            store = try SMBStore(path: path, readOnly: readOnly, rules: bundledRules(), migrationProgress: reportUpgrade)
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw CommandFailure("\(error)")
        }
        if let notice = store.permissionNotice {
            FileHandle.standardError.write(Data((TerminalText.safe(notice.description) + "\n").utf8))
        }
        return store
    }
}

extension StoreOptions {
    /// The rule versions this binary ships, read and compiled once per process (a command); the
    /// store gets them on opening, and commands without a store take them from here.
    static func bundledRules() throws -> RuleCatalog {
        do {
            return try loadedRules.get()
        } catch {
            throw CommandFailure("the bundled rules do not load: \(error)")
        }
    }

    private static let loadedRules = Result { try RuleCatalog.bundled() }
}
