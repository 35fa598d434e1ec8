import Detection
import Foundation
import GRDB

/// Typed access to the columns of the current result row, by index: GRDB rows on the read
/// paths, `RawStatement` on the executions' hot path, decoded by the same code.
protocol ColumnReading {
    func int64(_ column: Int32) -> Int64?
    func double(_ column: Int32) -> Double?
    func text(_ column: Int32) -> String?
    func blob(_ column: Int32) -> Data?
    /// An address column's value (`IPAddress.storeBlob`); nil for NULL or anything else.
    func address(_ column: Int32) -> IPAddress?
}

extension RawStatement: ColumnReading {}

extension Row: ColumnReading {
    // Concrete accessors decode straight from the statement (GRDB's fast path) when the row
    // comes from a cursor.
    func int64(_ column: Int32) -> Int64? { self[Int(column)] }
    func double(_ column: Int32) -> Double? { self[Int(column)] }
    func text(_ column: Int32) -> String? { self[Int(column)] }
    func blob(_ column: Int32) -> Data? { self[Int(column)] }
    func address(_ column: Int32) -> IPAddress? { blob(column).flatMap(IPAddress.init(storeBlob:)) }
}
