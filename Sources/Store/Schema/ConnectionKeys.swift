import GRDB

/// The v12 migration's part for `connection`: each connection's Community ID becomes its
/// `CommunityKey`, and the index the linker looks connections up by holds that integer.
enum ConnectionKeys {
    static func run(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE connection ADD COLUMN community_key INTEGER")
        let connections = try Row.fetchCursor(db, sql: """
            SELECT id, community_id FROM connection WHERE community_id IS NOT NULL ORDER BY id
            """)
        let setKey = try db.makeStatement(sql: "UPDATE connection SET community_key = ? WHERE id = ?")
        while let row = try connections.next() {
            try setKey.execute(arguments: [CommunityKey.of(row[1]), row[0] as Int64])
        }
        try db.execute(sql: """
            DROP INDEX connection_community;
            ALTER TABLE connection DROP COLUMN community_id;
            CREATE INDEX connection_community_key ON connection(community_key, first_seen)
                WHERE community_key IS NOT NULL;
            """)
    }
}
