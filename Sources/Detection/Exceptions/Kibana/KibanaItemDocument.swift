import Foundation

/// One exception item line of a Kibana export. Optional fields are ones Kibana may omit.
struct KibanaItemDocument: Codable {
    struct Comment: Codable {
        var comment: String
        var createdAt: String?
        var createdBy: String?
        var id: String?
    }

    var comments: [Comment]?
    var createdAt: String?
    var createdBy: String?
    var description: String?
    var entries: [KibanaEntryDocument]
    var expireTime: String?
    var id: String?
    var itemId: String
    var listId: String
    var name: String
    var namespaceType: String?
    var osTypes: [String]?
    var tags: [String]?
    var tieBreakerId: String?
    var type: String
    var updatedAt: String?
    var updatedBy: String?

    init(_ item: ExceptionItem, listID: String) {
        let created = KibanaTime.text(item.createdAt)
        comments = item.comment.isEmpty ? [] : [
            Comment(comment: item.comment, createdAt: created, createdBy: item.author, id: "\(item.id)-comment"),
        ]
        createdAt = created
        createdBy = item.author
        description = item.comment
        entries = item.entries.map(KibanaEntryDocument.init)
        expireTime = item.expiresAt.map(KibanaTime.text)
        id = item.id
        itemId = item.id
        listId = listID
        name = item.name
        namespaceType = "single"
        osTypes = []
        tags = []
        tieBreakerId = item.id
        type = "simple"
        updatedAt = created
        updatedBy = item.author
    }

    /// The item this line describes; throws a reason when a value is unusable.
    func item() throws(KibanaEntryProblem) -> ExceptionItem {
        guard type == "simple" else { throw KibanaEntryProblem("item type \"\(type)\" is not simple") }
        guard !entries.isEmpty else { throw KibanaEntryProblem("item \(itemId) has no entries") }
        guard let createdText = createdAt, let createdAt = KibanaTime.date(createdText) else {
            throw KibanaEntryProblem("item \(itemId) has no valid created_at time")
        }
        var expiresAt: Date?
        if let expireTime {
            guard let date = KibanaTime.date(expireTime) else {
                throw KibanaEntryProblem("expire_time \"\(expireTime)\" is not an ISO-8601 time")
            }
            expiresAt = date
        }
        var parsedEntries: [ExceptionEntry] = []
        for (index, entry) in entries.enumerated() {
            do {
                parsedEntries.append(try entry.entry())
            } catch {
                throw KibanaEntryProblem("entry \(index + 1): \(error.reason)")
            }
        }
        let comment = comments?.first?.comment ?? description ?? ""
        return ExceptionItem(id: itemId, name: name, comment: comment, author: createdBy ?? "",
                             createdAt: createdAt, expiresAt: expiresAt, entries: parsedEntries)
    }
}
