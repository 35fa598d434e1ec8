import Foundation

/// The list line that opens a Kibana exception list export.
struct KibanaListDocument: Codable {
    var createdAt: String
    var createdBy: String
    var description: String
    var id: String
    var immutable: Bool
    var listId: String
    var name: String
    var namespaceType: String
    var osTypes: [String]
    var tags: [String]
    var tieBreakerId: String
    var type: String
    var updatedAt: String
    var updatedBy: String
    var version: Int

    init(listID: String, now: Date) {
        let time = KibanaTime.text(now)
        createdAt = time
        createdBy = "smbtriage"
        description = "Exceptions to \"SMB (Windows File Sharing) Activity to the Internet\" exported by smbtriage"
        id = listID
        immutable = false
        listId = listID
        name = "smbtriage exceptions"
        namespaceType = "single"
        osTypes = []
        tags = []
        tieBreakerId = listID
        type = "detection"
        updatedAt = time
        updatedBy = "smbtriage"
        version = 1
    }
}

/// The summary line that closes a Kibana export.
struct KibanaExportSummary: Codable {
    var exportedExceptionListCount: Int
    var exportedExceptionListItemCount: Int
    var missingExceptionListItemCount: Int?
    var missingExceptionListItems: [String]?
    var missingExceptionLists: [String]?
    var missingExceptionListsCount: Int?
}

/// Which kind of line a JSON object is, told by its keys.
struct KibanaLineKind: Decodable {
    var itemId: String?
    var listId: String?
    var exportedExceptionListCount: Int?
}
