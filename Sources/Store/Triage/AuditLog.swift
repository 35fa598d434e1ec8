import Foundation
import GRDB

/// Appends to the `audit` table inside the caller's write transaction.
enum AuditLog {
    static func record(_ db: Database, at date: Date, actor: String, action: String, target: String,
                       detail: String) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [date.storeSeconds, actor, action, target, detail])
    }
}
