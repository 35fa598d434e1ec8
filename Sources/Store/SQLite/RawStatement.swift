import Detection
import Foundation
import GRDB
import GRDBSQLite

/// A cached statement bound, stepped and read through the SQLite C API. The hot paths (storing
/// events, executions) bind dozens of values per row: this skips `StatementArguments` (one
/// existential per value) and GRDB's row decoding. Parameters are bound in order, starting at 1,
/// every one of them before each run: a run's bindings are not cleared after it (`reset`), the
/// next run's replace them.
struct RawStatement {
    private let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }
    private var nextParameter: Int32 = 1
    /// Bound through GRDB (`init(_:sql:arguments:)`), which checks the count itself.
    private var isBoundThroughGRDB = false

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    /// A cached statement with `arguments` bound through GRDB (for arguments built as
    /// `StatementArguments`, such as a filter's); it is then only stepped and read.
    init(_ db: Database, sql: String, arguments: StatementArguments) throws {
        statement = try db.cachedStatement(sql: sql)
        try statement.setArguments(arguments)
        isBoundThroughGRDB = true
    }

    // MARK: Binding

    mutating func bind(_ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, nextParameter, value) } else { bindNull() }
        nextParameter += 1
    }

    mutating func bind(_ value: Int?) {
        bind(value.map(Int64.init))
    }

    mutating func bind(_ value: Bool?) {
        bind(value.map { Int64($0 ? 1 : 0) })
    }

    mutating func bind(_ value: Double?) {
        if let value { sqlite3_bind_double(handle, nextParameter, value) } else { bindNull() }
        nextParameter += 1
    }

    mutating func bind(_ value: Date?) {
        bind(value?.storeSeconds)
    }

    mutating func bind(_ value: String?) {
        if var value {
            let handle = handle, parameter = nextParameter
            value.withUTF8 { bytes in
                // A non-nil pointer even for "": SQLite binds a nil one as NULL.
                let start = bytes.baseAddress.map(UnsafeRawPointer.init) ?? UnsafeRawPointer(handle)
                sqlite3_bind_text(handle, parameter, start.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                                  Self.transient)
            }
        } else {
            bindNull()
        }
        nextParameter += 1
    }

    mutating func bind(_ value: Data?) {
        if let value {
            let handle = handle, parameter = nextParameter
            value.withUnsafeBytes { bytes in
                let start = bytes.baseAddress ?? UnsafeRawPointer(handle)
                sqlite3_bind_blob(handle, parameter, start, Int32(bytes.count), Self.transient)
            }
        } else {
            bindNull()
        }
        nextParameter += 1
    }

    /// An address as its store blob (`IPAddress.storeBlob`), or in an older schema's `form`.
    mutating func bind(_ address: IPAddress?, as form: AddressForm = .tagged) {
        guard form == .tagged else { return bind(address?.mappedBytes) }
        if let address {
            let handle = handle, parameter = nextParameter
            _ = address.withStoreBytes { bytes in
                sqlite3_bind_blob(handle, parameter, bytes.baseAddress, Int32(bytes.count), Self.transient)
            }
        } else {
            bindNull()
        }
        nextParameter += 1
    }

    private func bindNull() {
        sqlite3_bind_null(handle, nextParameter)
    }

    // MARK: Stepping

    /// Runs a statement that returns no rows, then makes it ready for new bindings.
    mutating func execute() throws {
        while try step() {}
    }

    /// Advances to the next row: false when there is none (the statement is then reset and
    /// ready for new bindings).
    mutating func step() throws -> Bool {
        assert(isBoundThroughGRDB || nextParameter - 1 == sqlite3_bind_parameter_count(handle),
               "every parameter is bound before a run: \(statement.sql)")
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        defer { reset() }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: statement.sql)
        }
        return false
    }

    /// Ends the current run (early, or once it is done). Its bindings stay until the next run
    /// binds every parameter again (asserted in `step`): clearing them after every run
    /// (`sqlite3_clear_bindings`) was 2–3% of the writer thread's instructions.
    mutating func reset() {
        sqlite3_reset(handle)
        nextParameter = 1
    }

    // MARK: What the last run changed

    /// Rows the connection's most recent INSERT, UPDATE or DELETE changed (`sqlite3_changes`):
    /// this statement's, when read straight after its `execute`, as every caller does. Read directly:
    /// GRDB's `Database.changesCount` first checks the dispatch queue, which cost the writer 1–2%
    /// of its instructions, read after every row.
    var changesCount: Int { Int(sqlite3_changes(sqlite3_db_handle(handle))) }

    /// The rowid of the connection's last INSERT (`sqlite3_last_insert_rowid`), read as `changesCount`.
    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(sqlite3_db_handle(handle)) }

    // MARK: Reading the current row

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64? { isNull(column) ? nil : sqlite3_column_int64(handle, column) }

    func double(_ column: Int32) -> Double? { isNull(column) ? nil : sqlite3_column_double(handle, column) }

    func text(_ column: Int32) -> String? {
        guard let start = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }

    func blob(_ column: Int32) -> Data? {
        guard !isNull(column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let start = sqlite3_column_blob(handle, column) else { return Data() }
        return Data(bytes: start, count: count)
    }

    /// An address column's value (`IPAddress.storeBlob`); nil for NULL or anything else.
    func address(_ column: Int32) -> IPAddress? {
        guard !isNull(column), let start = sqlite3_column_blob(handle, column) else { return nil }
        let bytes = UnsafeRawBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, column)))
        guard let (address, length) = IPAddress.storedAddress(at: bytes), length == bytes.count else { return nil }
        return address
    }

    /// SQLite copies the bound bytes at once.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}
