/// Why the store could not do what was asked, in one sentence an analyst can act on.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Another process holds the write lock longer than the busy timeout.
    case locked(path: String)
    /// The file or its directory cannot be read or created with the current permissions.
    case permissionDenied(path: String, detail: String)
    /// The file exists but is not an SQLite database.
    case notADatabase(path: String)
    /// The file is an SQLite database of another application (it is left untouched).
    case notAStore(path: String)
    /// SQLite found the store's pages damaged; nothing more is written to it.
    case corrupt(path: String)
    /// The path is a symbolic link to a file that does not exist.
    case danglingLink(path: String, target: String)
    /// The store's directory is not writable, so SQLite cannot keep its write-ahead log there.
    case directoryNotWritable(path: String)
    /// The database was written by a newer smbtriage whose schema this build does not know.
    case schemaNewer(path: String, found: Int, supported: Int)
    /// A command that only reads met a store of an earlier schema, which only a writer upgrades.
    case schemaOlder(path: String, found: Int, supported: Int)
    /// A write (or a schema upgrade) was attempted on a store opened read-only.
    case readOnly(path: String, operation: String)
    /// A process was killed in the middle of writing the file, and only a writer can roll its
    /// transaction back (SQLite's `-journal` beside it; smbtriage does it for a store being created).
    case interruptedWrite(path: String)
    /// The rule's look-back (`from`) is not date math this build understands.
    case unsupportedLookback(String)
    /// The alert or exception asked for is not in the store.
    case notFound(String)
    /// An exception item with this id is already stored.
    case duplicateException(id: String)
    /// Any other SQLite failure, with SQLite's own message.
    case database(path: String, message: String)

    public var description: String {
        switch self {
        case .locked(let path):
            "The store \(path) is locked by another smbtriage process; try again when it has finished."
        case .permissionDenied(let path, let detail):
            "The store \(path) cannot be opened: \(detail)."
        case .notADatabase(let path):
            "The file \(path) is not an smbtriage store (it is not an SQLite database, or its first page is damaged); it was left untouched."
        case .notAStore(let path):
            "The file \(path) is another application's SQLite database, not an smbtriage store; it was left untouched."
        case .corrupt(let path):
            "The store \(path) is damaged, so smbtriage writes nothing more to it: run `smbtriage store check`, "
                + "then restore it from a backup or recover it into a new file with sqlite3's .recover."
        case .danglingLink(let path, let target):
            "The store \(path) is a symbolic link to \(target), which does not exist."
        case .directoryNotWritable(let path):
            "The store \(path) cannot be written: its directory is not writable, and SQLite keeps its write-ahead log there."
        case .schemaNewer(let path, let found, let supported):
            "The store \(path) has schema version \(found), newer than the \(supported) this smbtriage "
                + "supports; upgrade smbtriage to open it."
        case .schemaOlder(let path, let found, let supported):
            "The store \(path) has schema version \(found), from an earlier smbtriage, and this command only "
                + "reads it: run `smbtriage store upgrade --db \(Self.shellQuoted(path))` once to bring it to version "
                + "\(supported) (any command that writes to it, such as ingest, upgrades it too)."
        case .readOnly(let path, let operation):
            "The store \(path) is open read-only, so \(operation) is not possible."
        case .interruptedWrite(let path):
            "The file \(path) holds a write a killed process left half done (the -journal file beside it). If the "
                + "file was restored or replaced since, move its -journal file away first. Otherwise: a store whose "
                + "creation was killed is created again by the next smbtriage command that writes (such as ingest), "
                + "and for any SQLite database `sqlite3 \(Self.shellQuoted(path)) 'PRAGMA quick_check'` rolls the write back."
        case .unsupportedLookback(let from):
            "The rule's look-back \"\(from)\" is not of the form now-<number><s|m|h|d>."
        case .notFound(let what):
            "There is no \(what) in the store."
        case .duplicateException(let id):
            "An exception item with id \(id) already exists; update it instead."
        case .database(let path, let message):
            "The store \(path) failed: \(message)."
        }
    }

    /// `text` as one word of a POSIX shell command: in single quotes, each of its own quotes
    /// written as `'\''` (the commands a message tells to run name their store this way).
    public static func shellQuoted(_ text: String) -> String {
        "'" + text.replacing("'", with: #"'\''"#) + "'"
    }
}
