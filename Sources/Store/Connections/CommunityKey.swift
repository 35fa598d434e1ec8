import Foundation

/// The integer `connection` finds a Community ID by (schema v12): the first 8 bytes of a keyed
/// SipHash of its text. A third of the text's size in the row and in its index, and compared as
/// one integer. Two IDs that share a key would also need the same host and overlapping spans to
/// be taken for one connection, and a log can name any Community ID it likes anyway.
enum CommunityKey {
    /// The ASCII bytes of "smbtriage-cid-v1" read little-endian: part of the schema, like
    /// `EventFingerprint.key`.
    static let key: (k0: UInt64, k1: UInt64) = (0x6761_6972_7462_6d73, 0x3176_2d64_6963_2d65)

    /// The key of `communityID`.
    static func of(_ communityID: String) -> Int64 {
        var text = communityID
        let tag = text.withUTF8 { SipHash128.tag(of: UnsafeRawBufferPointer($0), k0: key.k0, k1: key.k1) }
        return tag.prefix(8).reduce(0) { $0 << 8 | Int64($1) }
    }
}
