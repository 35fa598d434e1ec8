import Detection
import Foundation

/// An analyst's note on a host's case.
public struct CaseNote: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var host: IPAddress
    public var author: String
    public var createdAt: Date
    public var text: String

    public init(id: Int64, host: IPAddress, author: String, createdAt: Date, text: String) {
        self.id = id
        self.host = host
        self.author = author
        self.createdAt = createdAt
        self.text = text
    }
}
